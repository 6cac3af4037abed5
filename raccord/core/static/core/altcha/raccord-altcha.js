// ALTCHA, self-hosted: the widget (external build, no inline styles), French strings, and the
// PBKDF2 worker loaded from our own origin so the strict CSP needs no exception.
import "./altcha.min.js";
import "./fr-fr.js";

const pbkdf2 = () => new Worker(new URL("./pbkdf2.js", import.meta.url));
for (const name of ["PBKDF2/SHA-256", "PBKDF2/SHA-384", "PBKDF2/SHA-512"]) {
  globalThis.$altcha.algorithms.set(name, pbkdf2);
}
