import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Dialog } from './Dialog';
import { TraitLegend } from './TraitLegend';

export function LegendButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button small legend-button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label="Trait icons"
      >
        <span aria-hidden="true">?</span> <span className="legend-button-text">Trait icons</span>
      </button>
      <Dialog title="Trait legend" open={open} onClose={() => setOpen(false)}>
        <TraitLegend />
        <p className="dialog-footer">
          <Link to="/legend" onClick={() => setOpen(false)}>
            Full legend with how the scoring uses each trait →
          </Link>
        </p>
      </Dialog>
    </>
  );
}
