import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './app/update/register-service-worker.ts';
import './app/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const updates = registerServiceWorker();

createRoot(root).render(
  <StrictMode>
    <App updates={updates} />
  </StrictMode>,
);
