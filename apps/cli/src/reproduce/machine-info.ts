import { cpus, totalmem } from 'node:os';

/** The machine a run trained on, as the results report prints it. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGigabytes: number;
  readonly nodeVersion: string;
  readonly platform: string;
  /** The tfjs backend the run used, e.g. `cpu` or `wasm`. */
  readonly backend: string;
}

/** Describes this machine and the tfjs backend in use. */
export function machineInfo(backend: string): MachineInfo {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGigabytes: Math.round(totalmem() / 2 ** 30),
    nodeVersion: process.version,
    platform: `${process.platform}-${process.arch}`,
    backend,
  };
}

/** One line: `AMD EPYC 7B13, 2 cores, 8 GB, Node v20.20.0 (linux-x64), tfjs backend cpu`. */
export function describeMachine(machine: MachineInfo): string {
  return `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGigabytes} GB, Node ${machine.nodeVersion} (${machine.platform}), tfjs backend ${machine.backend}`;
}
