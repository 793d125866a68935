import { escapeHtml } from './html-text';

describe('escapeHtml', () => {
  it('turns markup into text that HTML shows as written', () => {
    const host = document.createElement('div');
    const name = `<img src=x onerror="window.__xss=1">&'`;
    host.innerHTML = escapeHtml(name);
    expect(host.textContent).toBe(name);
    expect(host.querySelector('img')).toBeNull();
  });
});
