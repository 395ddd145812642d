// The machine simulator honours an operator's command even when an operator changed the same machine at the same
// moment: the command waits for the machine to take it, and its outcome is reported once.
import { controlCenterSchemas, createDemoData, type Machine, type MachineCommand } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SyncClient } from '../server/graphql-client';
import { type MachineSimulator, startMachineSimulator } from '../server/simulator';

let server: TestServer;
let simulator: MachineSimulator | undefined;

beforeEach(async () => {
  server = await startTestServer({ collections: controlCenterSchemas });
});

afterEach(async () => {
  simulator?.stop();
  await server.close();
});

it('carries out a command on a machine an operator edited meanwhile, and keeps the edit', async () => {
  const operator = new SyncClient(server.url, await server.token('shop-1', 'operator'));
  const [demo] = createDemoData({ seed: 3, machines: 1, orders: 0, customers: 0 }).machines;
  if (!demo) throw new Error('no demo machine');
  const idle: Machine = { ...demo, state: 'idle', alarms: [], notes: 'Checked on Monday' };
  delete idle.currentCycle;
  await operator.push('machines', controlCenterSchemas.machines, [
    { assumedMasterState: null, newDocumentState: { ...idle, _deleted: false } },
  ]);
  // every machine reports: none is silent; ticks only when the test says so
  simulator = await startMachineSimulator({
    client: new SyncClient(server.url, await server.token('shop-1', 'bridge')),
    interval: 3_600_000,
    silentMachines: 0,
    random: () => 0.5,
    onError: (error) => {
      throw error;
    },
  });

  // at the same moment, an operator edits the machine's notes and another queues a start
  const [current] = await operator.pullAll<Machine>('machines', controlCenterSchemas.machines);
  if (!current) throw new Error('the machine is not on the server');
  await operator.push('machines', controlCenterSchemas.machines, [
    {
      assumedMasterState: current,
      newDocumentState: { ...current, notes: 'Door seal replaced', editedAt: Date.now() },
    },
  ]);
  const command: MachineCommand = {
    id: 'cmd-start-1',
    machineId: idle.id,
    action: 'start',
    program: 'Cotton 60°',
    status: 'queued',
    requestedBy: 'operator',
    requestedAt: Date.now(),
  };
  await operator.push('commands', controlCenterSchemas.commands, [
    { assumedMasterState: null, newDocumentState: { ...command, _deleted: false } },
  ]);

  const machineNow = async () => (await operator.pullAll<Machine>('machines', controlCenterSchemas.machines))[0];
  const commandNow = async () => (await operator.pullAll<MachineCommand>('commands', controlCenterSchemas.commands))[0];

  // the simulator's view of the machine is older than the operator's edit: its push conflicts, so the command waits
  await simulator.tick();
  expect((await commandNow())?.status).toBe('queued');
  expect(await machineNow()).toMatchObject({ state: 'idle', notes: 'Door seal replaced' });

  // next tick: applied to the newer state, carried out, reported once
  await simulator.tick();
  expect(await machineNow()).toMatchObject({ state: 'running', notes: 'Door seal replaced' });
  expect(await commandNow()).toMatchObject({ status: 'done', result: 'start carried out' });
  expect((await machineNow())?.currentCycle?.program).toBe('Cotton 60°');
});

it('raises an alarm asked for while a report is on its way, at the next tick', async () => {
  const operator = new SyncClient(server.url, await server.token('shop-1', 'operator'));
  const [demo] = createDemoData({ seed: 4, machines: 1, orders: 0, customers: 0 }).machines;
  if (!demo) throw new Error('no demo machine');
  await operator.push('machines', controlCenterSchemas.machines, [
    { assumedMasterState: null, newDocumentState: { ...demo, alarms: [], _deleted: false } },
  ]);
  const bridge = new SyncClient(server.url, await server.token('shop-1', 'bridge'));
  // the alarm is asked for the moment the server has taken the tick's machine report, before the tick goes on
  let whileReporting: (() => void) | undefined;
  const push = bridge.push.bind(bridge);
  bridge.push = (async (...args: Parameters<typeof push>) => {
    const conflicts = await push(...args);
    if (args[0] === 'machines') whileReporting?.();
    whileReporting = undefined;
    return conflicts;
  }) as typeof bridge.push;
  simulator = await startMachineSimulator({
    client: bridge,
    interval: 3_600_000,
    silentMachines: 0,
    random: () => 0.5,
    alarmChance: 0,
    onError: (error) => {
      throw error;
    },
  });
  const running = simulator;
  whileReporting = () => running.raiseAlarm(demo.id, 'E-DRAIN');
  await running.tick();
  await running.tick();
  const [machine] = await operator.pullAll<Machine>('machines', controlCenterSchemas.machines);
  expect(machine?.alarms.map((alarm) => alarm.code)).toEqual(['E-DRAIN']);
});
