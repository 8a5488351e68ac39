import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app';
import './styles/base.css';
import './styles/app.css';
import './styles/print.css';

// The server's Content-Security-Policy forbids eval: zod must not probe for it (the probe, though caught, is
// reported as a violation) nor compile parsers with it.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
