// The walk-through page's script, served from /page.js: the page's Content-Security-Policy runs
// no inline script.
// kept in the tab's session storage: linking PayPal leaves the page for PayPal's and comes back
const state = Object.assign(
  { signupId: null, token: null, verificationId: null, destination: null, paymentMethodId: null, last4: null, paypalId: null },
  JSON.parse(sessionStorage.getItem('local-walkthrough') || '{}'));
function save() { sessionStorage.setItem('local-walkthrough', JSON.stringify(state)); }
addEventListener('pagehide', save);
const out = document.getElementById('out');
function show(status, body) { out.textContent = status + '\n' + JSON.stringify(body, null, 2); }
async function call(method, path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (state.token) headers['Authorization'] = 'Bearer ' + state.token;
  const res = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  show(res.status, json);
  return { status: res.status, json };
}
function fields(form) {
  const data = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') data[el.name] = el.checked;
    else if (el.value !== '') data[el.name] = el.value;
  }
  return data;
}
document.getElementById('signup').onsubmit = async (e) => {
  e.preventDefault();
  const data = fields(e.target);
  const r = await call('POST', '/v1/signups', data);
  if (r.status === 201) {
    state.signupId = r.json.signupId;
    state.destination = data.verificationChannel === 'EMAIL' ? data.email : data.phone;
  }
};
document.getElementById('show-outbox').onclick = async () => {
  const res = await fetch('/_local/outbox' + (state.destination ? '?to=' + encodeURIComponent(state.destination) : ''));
  show(res.status, await res.json());
};
document.getElementById('verify').onsubmit = async (e) => {
  e.preventDefault();
  const r = await call('POST', '/v1/signups/' + state.signupId + '/verify', fields(e.target));
  if (r.status === 201) state.token = r.json.session.token;
};
document.getElementById('resend').onclick = () => call('POST', '/v1/signups/' + state.signupId + '/code', {});
document.getElementById('account').onclick = () => call('GET', '/v1/account');
document.getElementById('logout').onclick = async () => { await call('DELETE', '/v1/sessions/current'); state.token = null; };
document.getElementById('login').onsubmit = async (e) => {
  e.preventDefault();
  const r = await call('POST', '/v1/sessions', fields(e.target));
  if (r.status === 201) state.token = r.json.token;
};
document.getElementById('second').onsubmit = async (e) => {
  e.preventDefault();
  const data = fields(e.target);
  const r = await call('POST', '/v1/account/verifications', data);
  if (r.status === 201) { state.verificationId = r.json.verificationId; state.destination = data.phone || null; }
};
document.getElementById('second-verify').onsubmit = (e) => {
  e.preventDefault();
  call('POST', '/v1/account/verifications/' + state.verificationId + '/verify', fields(e.target));
};
document.getElementById('card').onsubmit = async (e) => {
  e.preventDefault();
  const data = fields(e.target);
  const number = data.number.replace(/[ -]/g, '');
  const tokenRes = await fetch('/_local/card-tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ number, expMonth: Number(data.expMonth), expYear: Number(data.expYear), cvc: data.cvc, holderName: data.holderName }) });
  const tokenBody = await tokenRes.json();
  if (tokenRes.status !== 201) { show(tokenRes.status, tokenBody); return; }
  const r = await call('POST', '/v1/account/payment-methods/cards', { token: tokenBody.token });
  if (r.status === 202) { state.paymentMethodId = r.json.paymentMethodId; state.last4 = number.slice(-4); }
  if (r.status === 403 && r.json.code === 'CONTACT_VERIFICATION_REQUIRED') {
    // the second verification comes first: take the person to it
    const second = document.getElementById('second');
    second.elements.channel.value = r.json.missing.includes('PHONE') ? 'SMS' : 'EMAIL';
    second.scrollIntoView();
    second.elements.phone.focus();
  }
};
document.getElementById('statement').onclick = async () => {
  const res = await fetch('/_local/statements?last4=' + (state.last4 || '4242'));
  show(res.status, await res.json());
};
document.getElementById('card-verify').onsubmit = (e) => {
  e.preventDefault();
  call('POST', '/v1/account/payment-methods/' + state.paymentMethodId + '/verify', fields(e.target));
};
document.getElementById('advance-day').onclick = () => call('POST', '/_local/clock/advance', { hours: 24 });
document.getElementById('advance').onclick = () => call('POST', '/_local/clock/advance', { minutes: 11 });
document.getElementById('paypal').onclick = async () => {
  const page = location.origin + '/';
  const r = await call('POST', '/v1/account/payment-methods/paypal',
    { returnUrl: page + '?paypal=return', cancelUrl: page + '?paypal=cancel' });
  if (r.status === 201) { state.paypalId = r.json.paymentMethodId; save(); location.assign(r.json.approvalUrl); }
};
document.getElementById('paypal-remove').onclick = async () => {
  if (!state.paypalId) { show('-', { detail: 'Link PayPal first.' }); return; }
  const r = await call('DELETE', '/v1/account/payment-methods/' + state.paypalId);
  if (r.status === 204) { state.paypalId = null; save(); }
};
// back from PayPal: the service sent the browser here with the link's outcome
(() => {
  const back = new URLSearchParams(location.search);
  if (!back.has('paypal') || !back.has('status')) return;
  const code = back.get('code');
  const words = { ACTIVE: 'PayPal is linked.', FAILED: 'PayPal could not be linked', CANCELLED: 'You cancelled at PayPal.',
    PENDING_APPROVAL: 'PayPal has not answered yet; the link completes in a few minutes.' };
  document.getElementById('paypal-status').textContent =
    (words[back.get('status')] || back.get('status')) + (code ? ' (' + code + ')' : '');
  history.replaceState(null, '', '/');
  document.getElementById('paypal').scrollIntoView();
})();
// closing the account: what the ledger says, the check, then the request with the disclaimer
const words = {
  PREPAID_SUBSCRIPTION_ACTIVE: (b) => 'Prepaid subscription ' + b.resourceId + ' runs until ' + b.endsAt +
    (b.autoRenew ? ': turn auto-renew off and wait until it ends.' : ': wait until it ends.'),
  POSTPAID_RESOURCE_ACTIVE: (b) => 'Post-paid resource ' + b.resourceId + ' is active: release it first.',
  OUTSTANDING_BALANCE: (b) => 'Unpaid charges of ' + b.amount.amount + ' ' + b.amount.currency + ': pay them first.'
};
function showBlockers(blockers) {
  const list = document.getElementById('blockers');
  list.replaceChildren(...blockers.map((b) => {
    const item = document.createElement('li');
    item.textContent = (words[b.code] || ((x) => x.code))(b);
    return item;
  }));
}
document.getElementById('ledger').onsubmit = async (e) => {
  e.preventDefault();
  const data = fields(e.target);
  const me = await call('GET', '/v1/account');
  if (me.status !== 200) return;
  const event = { eventId: 'local-' + Date.now(), accountId: me.json.accountId, type: data.type, resourceId: data.resourceId };
  if (data.type === 'RESOURCE_PROVISIONED') event.billing = data.billing;
  if (data.type === 'RESOURCE_PROVISIONED' || data.type === 'SUBSCRIPTION_UPDATED') {
    event.autoRenew = data.autoRenew;
    if (data.endsAt) event.endsAt = data.endsAt;
  }
  if (data.amount) event.amount = { amount: data.amount, currency: 'USD' };
  await call('POST', '/internal/v1/ledger-events', event);
};
document.getElementById('deletion-check').onclick = async () => {
  const r = await call('GET', '/v1/account/deletion-check');
  if (r.status === 200) showBlockers(r.json.blockers);
};
document.getElementById('deletion').onsubmit = async (e) => {
  e.preventDefault();
  const data = fields(e.target);
  if (!confirm('Delete this account for good?')) return;
  const r = await call('POST', '/v1/account/deletion', { disclaimerAccepted: data.disclaimerAccepted, password: data.password || '' });
  if (r.status === 409 && r.json.blockers) showBlockers(r.json.blockers);
  if (r.status === 202 && r.json.status === 'DELETED') { state.token = null; save(); }
};
document.getElementById('deletion-status').onclick = () => call('GET', '/v1/account/deletion');
document.getElementById('advance-two-days').onclick = () => call('POST', '/_local/clock/advance', { hours: 48 });
