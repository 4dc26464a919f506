/** The shallow 1-D network f(x; a, u) = sum_{j=0..m} a_j sigma_eta(x - u_j), the bias being neuron 0 fixed at -eta/2. */
import { sigma } from './activation';

/** f(x): a[0] multiplies sigma((x + eta/2)/eta); a[j+1] multiplies sigma((x - u[j])/eta). */
export function evalNetwork(a: Float64Array, u: Float64Array, eta: number, x: number): number {
  let value = a[0] * sigma((x + eta / 2) / eta);
  for (let j = 0; j < u.length; j++) value += a[j + 1] * sigma((x - u[j]) / eta);
  return value;
}
