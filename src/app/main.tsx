import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './App';
import { loadDefaultModel } from './model/loadModel';
import { loadKatex } from './explainer/katexModule';

// Both are asked for before the first render, so they arrive while React draws the page.
void loadDefaultModel();
void loadKatex();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
