// Test harness: the embedding tag as a city web team would write it, its data- attributes taken
// from the page's query (?color=%23005a9c&position=bottom-left&lang=en).
const tag = document.createElement('script');
tag.src = '/widget/assistant.js';
for (const [name, value] of new URLSearchParams(location.search)) tag.setAttribute('data-' + name, value);
document.getElementById('slot').append(tag);
