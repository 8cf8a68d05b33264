/* sphinxcontrib-sop: the edition switcher and note on a page Sphinx made without a
 * document (general index, search, actor index): written into a <template> when
 * the page was built, put here at the top of the page's main content. */
(function () {
  "use strict";

  function place() {
    var parts = document.getElementById("sop-edition-parts");
    var main = document.querySelector("[role=main] article") ||
      document.querySelector("[role=main]");
    if (parts && main && !main.querySelector(".sop-editions")) {
      main.insertBefore(parts.content.cloneNode(true), main.firstChild);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", place);
  } else {
    place();
  }
})();
