/**
 * The source check for English left in the UI: reads a `.ts`/`.tsx` module with the TypeScript
 * compiler and finds the human-language strings written as literals instead of `t('area.key')`.
 *
 * Looked at: JSX text; string literals (and templates) in value position — what the expression
 * evaluates to, not a comparison or a call's argument — given as JSX children, to the JSX
 * attributes in `CHECKED_ATTRIBUTES`, and to object properties named in `CHECKED_PROPERTIES`.
 * Flagged: a Latin word that is not a kept term (`src/i18n/keptTerms.ts`).
 *
 * Not flagged: text inside an element marked as data (`translate="no"`, `lang="en…"`, or
 * `<pre>`/`<code>`/`<kbd>`/`<samp>`), an element's own attributes when it carries that mark (as in
 * HTML, `translate` covers the element's attributes), catalog keys (`'inspector.describe'`), and
 * any string on a line marked `// i18n-data: why` (or the line after that comment): a genuine data
 * literal such as an example placeholder (`nginx:1.27`).
 */
import ts from 'typescript';
import { untranslatedWords } from '../../src/i18n/keptTerms';

export const CHECKED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder',
  'title', 'placeholder', 'alt', 'label',
]);
export const CHECKED_PROPERTIES: ReadonlySet<string> = new Set([
  'label', 'title', 'description', 'hint', 'placeholder', 'text', 'message',
]);
/** Elements whose content is data by nature. */
const DATA_TAGS = new Set(['pre', 'code', 'kbd', 'samp']);
/** The marker of a line whose literal is data, with its reason after the colon. */
export const DATA_MARKER = /i18n-data:\s*\S/;
const CATALOG_KEY = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+$/;

export interface Finding {
  line: number;
  /** What held the string: `jsx text`, `jsx child`, `attribute aria-label`, `property label`. */
  where: string;
  text: string;
  /** The words that made it English. */
  words: string[];
}

type Element = ts.JsxElement | ts.JsxSelfClosingElement;
type Opening = ts.JsxOpeningElement | ts.JsxSelfClosingElement;

function attributeValue(opening: Opening, name: string): string | undefined {
  for (const attribute of opening.attributes.properties) {
    if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== name) continue;
    const init = attribute.initializer;
    if (init && ts.isStringLiteral(init)) return init.text;
    if (init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)) return init.expression.text;
  }
  return undefined;
}

/** An element whose content (and own attributes) is data, not chrome. */
function marksData(opening: Opening): boolean {
  if (DATA_TAGS.has(opening.tagName.getText())) return true;
  if (attributeValue(opening, 'translate') === 'no') return true;
  return /^en\b/i.test(attributeValue(opening, 'lang') ?? '');
}

function openingOf(element: Element): Opening {
  return ts.isJsxElement(element) ? element.openingElement : element;
}

/** Inside (or on) an element marked as data. */
function inDataElement(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if ((ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n)) && marksData(openingOf(n))) return true;
  }
  return false;
}

/** The string pieces an expression can evaluate to (not its conditions, nor a call's arguments). */
function valueStrings(expr: ts.Expression | undefined): { node: ts.Node; text: string }[] {
  if (!expr) return [];
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [{ node: expr, text: expr.text }];
  if (ts.isTemplateExpression(expr)) {
    const text = [expr.head.text, ...expr.templateSpans.map((s) => `\${…}${s.literal.text}`)].join('');
    return [{ node: expr, text }, ...expr.templateSpans.flatMap((s) => valueStrings(s.expression))];
  }
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr)) {
    return valueStrings(expr.expression);
  }
  if (ts.isConditionalExpression(expr)) return [...valueStrings(expr.whenTrue), ...valueStrings(expr.whenFalse)];
  if (ts.isArrowFunction(expr) && !ts.isBlock(expr.body)) return valueStrings(expr.body);
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return valueStrings(expr.right);
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.PlusToken) {
      return [...valueStrings(expr.left), ...valueStrings(expr.right)];
    }
  }
  return [];
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** Every literal English string of a UI module, with its line. */
export function findUntranslated(fileName: string, sourceText: string): Finding[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, kind);
  const lines = sourceText.split('\n');
  const findings: Finding[] = [];

  const report = (node: ts.Node, where: string, raw: string): void => {
    const text = raw.replace(/\s+/g, ' ').trim();
    const words = untranslatedWords(text);
    if (words.length === 0 || CATALOG_KEY.test(text)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line; // (JSX text: its first word)
    if (DATA_MARKER.test(lines[line] ?? '') || DATA_MARKER.test(lines[line - 1] ?? '')) return;
    if (inDataElement(node)) return;
    findings.push({ line: line + 1, where, text, words });
  };
  const reportValues = (expr: ts.Expression | undefined, where: string): void => {
    for (const { node, text } of valueStrings(expr)) report(node, where, text);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && !node.containsOnlyTriviaWhiteSpaces) report(node, 'jsx text', node.text);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      reportValues(node.expression, 'jsx child');
    } else if (ts.isJsxAttribute(node) && CHECKED_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      const where = `attribute ${node.name.getText()}`;
      if (init && ts.isStringLiteral(init)) report(init, where, init.text);
      else if (init && ts.isJsxExpression(init)) reportValues(init.expression, where);
    } else if (ts.isPropertyAssignment(node) && CHECKED_PROPERTIES.has(propertyName(node.name) ?? '')) {
      reportValues(node.initializer, `property ${propertyName(node.name)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** One line per finding, as the test failure shows it. */
export function formatFinding(file: string, finding: Finding): string {
  return `${file}:${finding.line} ${finding.where}: ${JSON.stringify(finding.text)} (${finding.words.join(', ')})`;
}
