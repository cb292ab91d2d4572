import './styles.css';
import { render } from 'preact';
import { Root } from './app';

// The app shell is cached by a service worker, so the door screen opens again without a connection.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}

render(<Root />, document.getElementById('app')!);
