/* Account Path: «Скопировать» buttons of the vacancy pages: copy the text of the element named
   by data-copy (a read-only textarea) to the clipboard, and say so in the status next to it. */
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector(".ap-copy__status");
    let done = false;
    try {
      await navigator.clipboard.writeText(source.value);
      done = true;
    } catch (err) {
      source.focus();
      source.select();
      done = document.execCommand("copy");
    }
    if (status) status.textContent = done ? "Текст скопирован." : "Не удалось скопировать: выделите текст и нажмите Ctrl+C.";
  });
}
