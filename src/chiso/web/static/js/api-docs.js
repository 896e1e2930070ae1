// Starts Swagger UI on /api/v1/docs from the page's own OpenAPI document; nothing is fetched
// from anywhere else (no validator badge, no remote spec).
window.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: el.getAttribute("data-spec"),
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    onComplete: function () { el.setAttribute("data-ready", "1"); },
  });
});
