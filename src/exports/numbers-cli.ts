// `joldanym numbers …`: the operator's side of the numbers leased across instances
// (src/exports/numbers.ts, docs/scaling.md "Regional instances").
//
//   numbers status [YEAR]                  the mode, the blocks held and the numbers left
//   numbers standalone                     number alone, as an instance with no authority does
//   numbers leased URL                     take blocks from the authority's POST …/exports/number-blocks
//   numbers authority [--block-size N]     lease blocks to the registered instances and to itself
//   numbers lease [YEAR]                   ask for the next block now (the scheduler does it hourly)
//   numbers grant INSTANCE_ID YEAR         on the authority: an offline lease, printed as JSON
//   numbers install FILE                   on the instance: take an offline lease (that JSON) into use
import { readFile } from 'node:fs/promises';
import type { Context } from '../context.ts';
import { today } from '../context.ts';
import { DEFAULT_BLOCK_SIZE } from '../domain/numbering.ts';
import { instanceIdOf } from './keys.ts';
import { grantBlock, installBlock, numberingSettings, numbersLeft, requestBlock, setNumbering, type LeasedBlock } from './numbers.ts';

export class NumbersCommandError extends Error {}

const USAGE = 'usage: joldanym numbers status [YEAR] | standalone | leased URL | authority [--block-size N] | lease [YEAR] | grant INSTANCE_ID YEAR | install FILE';

/** Runs the command; the lines to print. `by`: who runs it, for the audit log. */
export async function numbersCommand(ctx: Context, args: string[], by: string, send: typeof fetch = fetch): Promise<string[]> {
  const [sub, ...rest] = args;
  const yearArg = (s: string | undefined) => {
    const year = s === undefined ? Number(today(ctx).slice(0, 4)) : Number(s);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new NumbersCommandError(`not a year: ${s}`);
    return year;
  };
  switch (sub) {
    case 'status': {
      const year = yearArg(rest[0]);
      const settings = await numberingSettings(ctx.db);
      const { left, blocks } = await numbersLeft(ctx.db, year);
      return [
        `numbering: ${JSON.stringify(settings)}; instance ${await instanceIdOf(ctx.db)}`,
        ...blocks.map((b) => `${year}: block ${b.firstValue}–${b.firstValue + b.size - 1} (from the year's number ${b.firstOrdinal})`),
        ...(settings.mode === 'standalone' ? [] : [`${year}: ${left} number(s) left in the blocks held`]),
      ];
    }
    case 'standalone':
      await setNumbering(ctx, { mode: 'standalone' }, by);
      return ['numbering: standalone'];
    case 'leased': {
      if (!rest[0]) throw new NumbersCommandError(USAGE);
      await setNumbering(ctx, { mode: 'leased', url: rest[0] }, by);
      return [`numbering: blocks from ${rest[0]}`];
    }
    case 'authority': {
      const i = rest.indexOf('--block-size');
      const blockSize = i === -1 ? undefined : Number(rest[i + 1]);
      if (blockSize !== undefined && (!Number.isSafeInteger(blockSize) || blockSize < 1)) throw new NumbersCommandError('--block-size needs a whole number ≥ 1');
      await setNumbering(ctx, { mode: 'authority', blockSize: blockSize ?? DEFAULT_BLOCK_SIZE }, by);
      return [`numbering: the authority, blocks of ${blockSize ?? DEFAULT_BLOCK_SIZE} numbers`];
    }
    case 'lease': {
      const block = await requestBlock(ctx, yearArg(rest[0]), send);
      return [`${block.year}: block ${block.firstValue}–${block.firstValue + block.size - 1} received`];
    }
    case 'grant': {
      const [instanceId, year] = rest;
      if (!instanceId || !year) throw new NumbersCommandError(USAGE);
      const block = await grantBlock(ctx, { instanceId, year: yearArg(year), requestId: null, leasedBy: by });
      return [JSON.stringify({ instanceId, ...block })];
    }
    case 'install': {
      if (!rest[0]) throw new NumbersCommandError(USAGE);
      const lease = JSON.parse(await readFile(rest[0], 'utf8')) as Partial<LeasedBlock & { instanceId: string }>;
      if (lease.instanceId !== (await instanceIdOf(ctx.db))) throw new NumbersCommandError(`the lease is for the instance ${lease.instanceId}, not this one`);
      if (!Number.isInteger(lease.year) || !Number.isSafeInteger(lease.firstValue) || !Number.isSafeInteger(lease.size)) throw new NumbersCommandError('the file is no lease of `numbers grant`');
      const block = { year: lease.year!, firstValue: lease.firstValue!, size: lease.size! };
      await installBlock(ctx, block);
      return [`${block.year}: block ${block.firstValue}–${block.firstValue + block.size - 1} in use`];
    }
    default:
      throw new NumbersCommandError(USAGE);
  }
}
