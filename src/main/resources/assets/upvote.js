// Upvotes without a reload. Every upvote button is a plain form (POST /papers/<id>/upvote, action=add|remove)
// that works without this file; here its submission goes through fetch instead, and the answer updates the count
// and the pressed state of every button for that paper on the page. Anything unexpected (signed out, rate limited,
// offline) falls back to the plain submission, whose answer page says what happened; add and remove are
// idempotent, so sending again never counts twice.
"use strict";

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains("upvote")) {
    return;
  }
  event.preventDefault();
  const button = form.querySelector("button");
  if (button.disabled) {
    return;
  }
  button.disabled = true;
  // The form has a field named "action", which hides form.action: read the attribute.
  const target = form.getAttribute("action");
  try {
    const response = await fetch(target, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Accept": "application/json",
        "X-CSRF-Token": form.elements.csrf.value,
      },
      body: new URLSearchParams({ action: form.elements.action.value }),
    });
    if (!response.ok) {
      throw new Error("upvote answered " + response.status);
    }
    const result = await response.json();
    for (const same of document.querySelectorAll("form.upvote")) {
      if (same.getAttribute("action") === target) {
        show(same, result.upvoted, result.upvotes);
      }
    }
    button.disabled = false;
  } catch (error) {
    HTMLFormElement.prototype.submit.call(form);
  }
});

function show(form, upvoted, upvotes) {
  const button = form.querySelector("button");
  form.elements.action.value = upvoted ? "remove" : "add";
  button.setAttribute("aria-pressed", upvoted ? "true" : "false");
  const label = upvotes === 1 ? "1 upvote" : upvotes.toLocaleString("en-US") + " upvotes";
  button.title = (upvoted ? "Withdraw your upvote" : "Upvote") + " (" + label + ")";
  button.querySelector(".count").textContent = String(upvotes);
  button.querySelector(".upvote-label").textContent = label;
}
