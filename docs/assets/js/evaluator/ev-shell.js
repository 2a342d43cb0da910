/* Account Path: the evaluator page's fixed frame. The page is rendered at build time from the
   model (src/accountpath/tool_evaluator.py): the import box, the role and level choice, the
   first interviewer's form, the result's empty frame. This module only finds those elements
   and wires them up, so nothing on the page moves when the script starts. */

function on(node, event, fn) {
  node.addEventListener(event, fn);
  return node;
}

/** Find the frame's elements, attach the handlers, and return the ui handles the evaluator uses. */
export function buildShell(app, on_) {
  const $ = (id) => app.querySelector(`#${id}`);
  const parts = {};
  for (const k of ["head", "verdict", "notes", "chart", "table", "debrief"]) parts[k] = $(`ev-result-${k}`);
  const candidate = $("ev-candidate");
  candidate.addEventListener("input", () => on_.onCandidate(candidate.value));
  const date = $("ev-date");
  date.addEventListener("input", () => on_.onDate(date.value));
  on($("ev-paste-import"), "click", on_.onPaste);
  on($("ev-clear"), "click", on_.onClear);
  on($("ev-add-interviewer"), "click", on_.onAdd);
  on($("ev-export-cards"), "click", on_.onExportAll);
  on($("ev-export-result"), "click", on_.onExportResult);
  on($("ev-print"), "click", () => window.print());
  return {
    app, file: on($("ev-import"), "change", on_.onFiles), paste: $("ev-paste"), chooser: $("ev-chooser"),
    role: on($("ev-role"), "change", on_.onRole), level: on($("ev-level"), "change", on_.onLevel),
    candidate, date, levelInfo: $("ev-level-info"),
    save: on($("ev-save"), "change", on_.onSave), showAll: on($("ev-show-all"), "change", on_.onShowAll),
    tablist: $("ev-tabs"), panel: $("ev-panel"), live: $("ev-live"), liveVerdict: $("ev-live-verdict"),
    liveFacts: $("ev-live-facts"), messages: $("ev-messages"), status: $("ev-status"), result: $("ev-result"), parts,
    hiddenNote: $("ev-hidden-note"), exportAll: $("ev-export"), radarKey: null, radar: null,
    handover: $("ev-handover"), handoverName: $("ev-handover-name"),
    next: on($("ev-next"), "click", on_.onNext), handoverChair: on($("ev-handover-chair"), "click", on_.onAskChair),
    chairCode: on($("ev-chair-code"), "change", on_.onChairCode),
  };
}
