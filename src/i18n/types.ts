/** The types of a message catalog and of the translator made from it. */
import type { Params, ParamValue } from './format';
import type { en } from './catalog';

/** Another language's messages for the same keys as an English catalog. */
export type Messages<E> = { readonly [K in keyof E]: string };

export type MessageKey = keyof typeof en & string;

/** The parameter names of a message: `{name}` and `{count|# Step|# Steps}` both give their name. */
export type ParamNames<S extends string> = S extends `${string}{${infer Body}}${infer Rest}`
  ? (Body extends `${infer Name}|${string}` ? Name : Body) | ParamNames<Rest>
  : never;

/** A message's arguments: none when it has no parameters, else every one of them. */
export type ParamsArg<K extends MessageKey> = [ParamNames<(typeof en)[K]>] extends [never]
  ? [params?: Params]
  : [params: Readonly<Record<ParamNames<(typeof en)[K]>, ParamValue>>];

/** `t('editor.apply')`, `t('timeline.stepOf', { step, last })`: the message in the translator's language. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string;
