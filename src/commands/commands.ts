/**
 * Ribbon function file (commands.html, FunctionFile in manifest.xml).
 * `action` shows the task pane where the host can do that from a command (SharedRuntime 1.1); otherwise it is a
 * no-op. Every command must call event.completed().
 */

Office.onReady(() => {
  // Office.js is ready; nothing to initialise.
});

export async function action(event: Office.AddinCommands.Event): Promise<void> {
  try {
    if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) {
      await Office.addin.showAsTaskpane();
    }
  } finally {
    event.completed();
  }
}

// Register the function with Office; an ExecuteFunction control in manifest.xml would name it <FunctionName>action</FunctionName>.
Office.actions.associate("action", action);
