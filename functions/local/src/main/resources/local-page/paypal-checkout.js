// The PayPal stand-in's approval page: asks the stand-in where PayPal would send the browser, and
// goes there.
const token = new URLSearchParams(location.search).get('token');
async function decide(approved, payerVerified) {
  const res = await fetch('/_local/paypal/approve', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, approved, payerVerified })
  });
  const body = await res.json();
  if (res.status === 200) location.assign(body.redirectUrl);
  else document.getElementById('out').textContent = body.detail || 'PayPal knows no such token.';
}
document.getElementById('agree').onclick = () => decide(true, true);
document.getElementById('agree-unverified').onclick = () => decide(true, false);
document.getElementById('cancel').onclick = () => decide(false, false);
