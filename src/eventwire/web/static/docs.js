// OpenAPI page: Swagger UI from the vendored bundle, reading this server's schema.
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
});
