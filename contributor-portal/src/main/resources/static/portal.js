// The portal's one script, served from the jar. Every page works without it; it asks before an action that cannot be
// undone, adds a copy button, keeps a form from being sent twice by a double click, and follows a running audit job.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button[data-confirm]").forEach((button) => {
    button.addEventListener("click", (click) => {
      if (!window.confirm(button.dataset.confirm)) {
        click.preventDefault();
      }
    });
  });

  document.querySelectorAll("form").forEach((form) => {
    form.addEventListener("submit", () => {
      // Sent once: a second click would only repeat it (the request key makes that harmless, but not silent).
      form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; });
    });
  });

  document.querySelectorAll("button[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copy);
      const said = button.parentElement.querySelector("[data-copied]");
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
        said.textContent = "Copied.";
      } catch (refused) {
        // Without clipboard access (plain HTTP, an old browser) the key is selected for the person to copy.
        said.textContent = "Selected: press Ctrl+C (or \u2318C) to copy.";
      }
    });
  });

  const job = document.querySelector("[data-progress]");
  if (job) {
    const bar = job.querySelector("progress");
    const follow = async () => {
      let progress;
      try {
        const answer = await fetch(job.dataset.progress, { headers: { Accept: "application/json" } });
        progress = answer.ok && !answer.redirected ? await answer.json() : null;
      } catch (unreadable) {
        progress = null;
      }
      // Done, failed, or no longer readable (the session ended): the page itself says which.
      if (progress === null || progress.state === "DONE" || progress.state === "FAILED") {
        window.location.reload();
        return;
      }
      job.querySelector("[data-state]").textContent = progress.state.toLowerCase();
      job.querySelector("[data-position]").textContent = progress.position;
      job.querySelector("[data-last]").textContent = progress.lastPosition;
      if (progress.percent !== null) {
        bar.value = progress.percent;
        bar.textContent = progress.percent + "%";
      }
      setTimeout(follow, 700);
    };
    setTimeout(follow, 300);
  }
});
