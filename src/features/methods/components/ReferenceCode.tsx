import { useRef, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { buildSteps, ROLE_LABEL, type Reference, type ReferenceFile } from '../lib/build-steps';
import { CodeView } from './CodeView';
import { CopyButton } from './CopyButton';
import { MarkdownView } from './MarkdownView';

function Command({ text }: { text: string }) {
  return (
    <div className="command">
      <pre>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} label={`Copy: ${text.split('\n')[0]}`} />
    </div>
  );
}

function BuildAndLoad({ reference }: { reference: Reference }) {
  const steps = buildSteps(reference.files);
  if (!steps) return null;
  return (
    <section className="build-steps" aria-labelledby="build-heading">
      <h3 id="build-heading">How to build and load it</h3>
      <p className="muted">
        In <code>{reference.path}</code>, on a machine with the headers of the running kernel installed:
      </p>
      <ol>
        <li>
          Build the module against the running kernel:
          <Command text={steps.build} />
        </li>
        <li>
          Load it (root):
          <Command text={steps.load} />
        </li>
        {(steps.run.length > 0 || steps.harness.length > 0) && (
          <li>
            Then run what the README suggests:
            {steps.run.map((r) => (
              <Command key={r} text={r} />
            ))}
            {steps.harness.length > 0 && (
              <>
                <span className="step-note">
                  Measure it with the kcomm harness (built with <code>make harness</code> in <code>server/</code>):
                </span>
                {steps.harness.map((h) => (
                  <Command key={h} text={h} />
                ))}
              </>
            )}
          </li>
        )}
        <li>
          Unload it when done:
          <Command text={steps.unload} />
        </li>
      </ol>
    </section>
  );
}

function pickDefault(files: ReferenceFile[]): ReferenceFile | undefined {
  return files.find((f) => f.role === 'kernel') ?? files[0];
}

/** The reference folder's files as tabs, each shown highlighted (or rendered, for the README). */
export default function ReferenceCode({ reference }: { reference: Reference }) {
  const [search, setSearch] = useSearchParams();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const files = reference.files;
  const wanted = search.get('file');
  const current = files.find((f) => f.name === wanted) ?? pickDefault(files);
  if (!current) return null;

  const select = (f: ReferenceFile, focus = false) => {
    const next = new URLSearchParams(search);
    next.set('file', f.name);
    setSearch(next, { replace: true, preventScrollReset: true });
    if (focus) tabs.current[files.indexOf(f)]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = files.indexOf(current);
    const to =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? files[(i + 1) % files.length]
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? files[(i - 1 + files.length) % files.length]
          : e.key === 'Home'
            ? files[0]
            : e.key === 'End'
              ? files[files.length - 1]
              : undefined;
    if (!to) return;
    e.preventDefault();
    select(to, true);
  };
  const panelId = 'reference-file-panel';

  return (
    <div className="reference">
      <BuildAndLoad reference={reference} />
      <div className="reference-files">
        <div className="file-tabs" role="tablist" aria-label="Files in the reference folder" onKeyDown={onKey}>
          {files.map((f, i) => {
            const selected = f === current;
            return (
              <button
                key={f.name}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`file-tab-${f.name}`}
                aria-selected={selected}
                aria-controls={panelId}
                tabIndex={selected ? 0 : -1}
                className="file-tab"
                data-role={f.role}
                onClick={() => select(f)}
              >
                <span className="file-name">{f.name}</span>
                <span className="file-role">{ROLE_LABEL[f.role]}</span>
              </button>
            );
          })}
        </div>
        <div className="file-panel" role="tabpanel" id={panelId} aria-labelledby={`file-tab-${current.name}`}>
          {current.role === 'readme' ? (
            <div className="readme">
              <div className="code-toolbar">
                <span className="code-name">{current.name}</span>
                <CopyButton text={current.content} label={`Copy ${current.name}`} />
              </div>
              <MarkdownView source={current.content} headingBase={2} />
            </div>
          ) : (
            <CodeView name={current.name} language={current.language} content={current.content} />
          )}
        </div>
      </div>
    </div>
  );
}
