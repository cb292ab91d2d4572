/** Stylesheets are bundled by esbuild (into main.css), not loaded by script. */
declare module '*.css';
