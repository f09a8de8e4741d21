// Starts Genie's background worker (crates/genie-worker). When its code cannot be loaded the
// page is told, and does the work itself (src/platform/background.rs).
try {
  importScripts('./background.js');
  wasm_bindgen({ module_or_path: './background_bg.wasm' }).catch(() => postMessage({ kind: 'failed' }));
} catch (error) {
  postMessage({ kind: 'failed' });
}
