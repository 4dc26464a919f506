/** The part of the lab a transport needs: handlers to dispatch requests to, and the event stream to forward. */
import type { Lab } from '../service/lab';

export type LabEndpoint = Pick<Lab, 'handlers' | 'events'>;
