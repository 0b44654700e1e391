/* Task pane entry (placeholder until the planner views land). */
const root = document.getElementById("root");
if (root) root.textContent = "DTC Metrics";
