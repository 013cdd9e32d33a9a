/**
 * Type declarations for using the elements from JSX and Vue templates, generated from
 * custom-elements.json, so a team's type checker knows every tag, property, attribute and event:
 *
 *   types/elements.d.ts  HanseiElementTypes: per tag, its class, settable properties,
 *                        attributes and events (the shared part)
 *   types/jsx.d.ts       the global `JSX.IntrinsicElements` (any JSX runtime that reads it)
 *   types/react.d.ts     React 19: the `react` module's `JSX.IntrinsicElements`
 *   types/vue.d.ts       Vue 3: `GlobalComponents`, checked by vue-tsc in templates
 *
 * Only names come from the manifest; every type comes from the element classes themselves
 * (`HanseiSloGauge['sloId']`) and from the events each element declares in `HTMLElementEventMap`,
 * so the declarations cannot say something the classes do not: a manifest name the class lacks
 * is a type error. `pnpm analyze` writes them (a custom-elements-manifest plugin, see the root
 * custom-elements-manifest.config.js), so a new element is covered as soon as it exists.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');

const HEADER = '// Generated from custom-elements.json by packages/elements/scripts/types.mjs (`pnpm analyze`). Do not edit.\n';

const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');

/**
 * The public elements of a manifest: tag, class, settable properties, attributes and documented
 * events, sorted by tag.
 * @param {any} manifest custom-elements.json
 */
export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName || !declaration.tagName.startsWith('hansei-')) continue;
      const members = declaration.members ?? [];
      const properties = members
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#') && !m.name.startsWith('_'))
        .map((m) => ({ name: m.name, description: m.description ?? m.summary ?? '' }));
      const propertyNames = new Set(properties.map((p) => p.name));
      const attributes = (declaration.attributes ?? [])
        .filter((a) => a.fieldName && propertyNames.has(a.fieldName))
        .map((a) => ({ name: a.name, field: a.fieldName, description: a.description ?? '' }));
      // Documented events only: the analyzer also reports `new CustomEvent(type)` as an event named `type`.
      const events = (declaration.events ?? [])
        .filter((e) => e.name && e.description && /^[a-z][a-z0-9-]*$/.test(e.name))
        .map((e) => ({ name: e.name, description: e.description }));
      elements.push({ tag: declaration.tagName, className: declaration.name, description: declaration.summary ?? '', properties, attributes, events });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

function elementsFile(elements) {
  const classes = elements.map((e) => e.className);
  let out = `${HEADER}import type { ${classes.join(', ')} } from '@hansei/elements';\n\n`;
  out += `/** What an attribute takes: numbers also as their text, booleans present or not. */
export type HanseiAttributeValue<T> = [T] extends [boolean | undefined] ? boolean : [T] extends [number | undefined] ? T | \`\${number}\` : T;

/** An element's event, as its class declares it in HTMLElementEventMap (a plain Event otherwise). */
export type HanseiEvent<N extends string> = N extends keyof HTMLElementEventMap ? HTMLElementEventMap[N] : Event;

/** Per tag: the element's class, the properties a page may set, its attributes and its events. */
export interface HanseiElementTypes {\n`;
  for (const e of elements) {
    out += doc(e.description, '  ');
    out += `  ${quote(e.tag)}: {\n    element: ${e.className};\n`;
    out += `    properties: ${e.properties.length ? e.properties.map((p) => quote(p.name)).join(' | ') : 'never'};\n`;
    const block = (lines) => (lines.length ? `{\n${lines.join('')}    }` : '{}');
    out += `    attributes: ${block(e.attributes.map((a) => `${doc(a.description, '      ')}      ${quote(a.name)}: HanseiAttributeValue<${e.className}[${quote(a.field)}]>;\n`))};\n`;
    out += `    events: ${block(e.events.map((v) => `${doc(v.description, '      ')}      ${quote(v.name)}: HanseiEvent<${quote(v.name)}>;\n`))};\n  };\n`;
  }
  out += `}

export type HanseiTag = keyof HanseiElementTypes;

/** The properties of \`T\`'s element a page may set, all optional. */
export type HanseiProperties<T extends HanseiTag> = Partial<Pick<HanseiElementTypes[T]['element'], HanseiElementTypes[T]['properties']>>;

/** \`T\`'s attributes that are not also property names, all optional. */
export type HanseiAttributes<T extends HanseiTag> = Partial<Omit<HanseiElementTypes[T]['attributes'], HanseiElementTypes[T]['properties']>>;

/** \`on<event>\` listeners, the way React 19 and other JSX runtimes attach custom element events. */
export type HanseiEventListeners<T extends HanseiTag> = {
  [E in keyof HanseiElementTypes[T]['events'] & string as \`on\${E}\`]?: (event: HanseiElementTypes[T]['events'][E]) => void;
};
`;
  return out;
}

function jsxFile(elements) {
  return `${HEADER}import type { HanseiAttributes, HanseiEventListeners, HanseiProperties, HanseiTag } from './elements.js';

/** What any element takes in JSX besides its own properties. */
interface HanseiJsxBase {
  children?: unknown;
  class?: string;
  className?: string;
  id?: string;
  slot?: string;
  style?: string | Record<string, string | number>;
  hidden?: boolean;
  lang?: string;
  dir?: string;
  title?: string;
  part?: string;
  key?: string | number;
  ref?: unknown;
  [ariaOrData: \`aria-\${string}\` | \`data-\${string}\`]: unknown;
}

type HanseiJsxProps<T extends HanseiTag> = HanseiJsxBase & HanseiProperties<T> & HanseiAttributes<T> & HanseiEventListeners<T>;

declare global {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      ${quote(e.tag)}: HanseiJsxProps<${quote(e.tag)}>;\n`).join('')}    }
  }
}

export {};
`;
}

function reactFile(elements) {
  return `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { HanseiAttributes, HanseiElementTypes, HanseiEventListeners, HanseiProperties, HanseiTag } from './elements.js';

/**
 * React 19 sets a prop as a property when the element has one (\`sloId\`, \`adapter\`), else as an
 * attribute (\`slo-id\`), and \`on<event>\` adds a listener for \`<event>\`. Import the define
 * modules before rendering, so the elements are defined when React sets their properties.
 */
type HanseiReactProps<T extends HanseiTag> = Omit<DetailedHTMLProps<HTMLAttributes<HanseiElementTypes[T]['element']>, HanseiElementTypes[T]['element']>, HanseiElementTypes[T]['properties']> &
  HanseiProperties<T> &
  HanseiAttributes<T> &
  HanseiEventListeners<T> & { class?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      ${quote(e.tag)}: HanseiReactProps<${quote(e.tag)}>;\n`).join('')}    }
  }
}

export {};
`;
}

function vueFile(elements) {
  return `${HEADER}import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { HanseiAttributes, HanseiElementTypes, HanseiProperties, HanseiTag } from './elements.js';

/**
 * A custom element as vue-tsc sees it in templates (the pattern Vue's guide gives for custom
 * elements not built with Vue): its properties and attributes as props, its events as emits.
 * Bind objects as properties (\`:adapter="adapter"\`); tell Vue the tags are custom elements
 * (\`compilerOptions.isCustomElement: (tag) => tag.startsWith('hansei-')\`).
 */
type HanseiVueElement<T extends HanseiTag> = new () => HanseiElementTypes[T]['element'] & {
  /** @deprecated For template type checking only; not a real property. */
  $props: HTMLAttributes & HanseiProperties<T> & HanseiAttributes<T> & PublicProps;
  /** @deprecated For template type checking only; not a real method. */
  $emit: EmitFn<{ [E in keyof HanseiElementTypes[T]['events']]: (event: HanseiElementTypes[T]['events'][E]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${elements.map((e) => `    ${quote(e.tag)}: HanseiVueElement<${quote(e.tag)}>;\n`).join('')}  }
}

export {};
`;
}

/** File name (under types/) to contents, for `manifest`. */
export function typeFiles(manifest) {
  const elements = elementsOf(manifest);
  return {
    'elements.d.ts': elementsFile(elements),
    'jsx.d.ts': jsxFile(elements),
    'react.d.ts': reactFile(elements),
    'vue.d.ts': vueFile(elements),
  };
}

/** Writes the declarations for `manifest` into `dir` (default packages/elements/types). */
export function writeTypes(manifest, dir = join(PACKAGE, 'types')) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(typeFiles(manifest))) writeFileSync(join(dir, name), text);
}

/** The custom-elements-manifest analyzer plugin that writes them with every `pnpm analyze`. */
export function elementTypesPlugin() {
  return {
    name: 'hansei-element-types',
    packageLinkPhase({ customElementsManifest }) {
      writeTypes(customElementsManifest);
    },
  };
}
