/** Trainer processes and the pool that runs them. */
export { forkTrainer, type ChildHandle, type SpawnTrainer } from './forkTrainer';
export { TrainerPool, type PoolJob, type PoolListener, type PoolOptions } from './trainerPool';
