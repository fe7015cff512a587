// Test harness: records the widget's console warnings and any CSP violation of the page.
window.widgetWarnings = [];
window.cspViolations = [];
const originalWarn = console.warn;
console.warn = (...args) => { window.widgetWarnings.push(args.join(' ')); originalWarn.apply(console, args); };
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
