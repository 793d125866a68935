/**
 * The simulator's scenario API (/sim/…), which plays what people do on WeCom's side: the admin in the WeCom
 * console, a customer scanning a 「联系我」 code. Only the local simulator has it; real WeCom never does.
 */
export async function simulatorCall<T>(
  wecomApiBase: string,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<T> {
  const response = await fetch(`${wecomApiBase}/sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`the simulator refused ${method} ${path}: ${await response.text()}`);
  return (await response.json()) as T;
}
