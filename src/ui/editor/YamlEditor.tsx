import { useEffect, useRef } from 'react';
import { usePlayground } from '../../store';
import { problemLocations } from '../../store/problemLocations';
import type { ApplyError } from '../../engine/api';
import { translator } from '../../i18n/translate';
import { exposeProbe } from '../common/testHook';
import { MODEL_URI, monaco, setUpMonaco } from './monacoSetup';
import { onRevealRequest } from './revealInEditor';

const APPLY_OWNER = 'kubectl-apply';

function showApplyMarkers(model: monaco.editor.ITextModel, problems: readonly ApplyError[]) {
  const markers = problemLocations(model.getValue(), problems).map((loc) => ({
    ...loc,
    severity: monaco.MarkerSeverity.Error,
    source: 'kubectl apply',
  }));
  monaco.editor.setModelMarkers(model, APPLY_OWNER, markers);
}

/**
 * The Monaco editor bound to the store: edits go to `editorText`; text set elsewhere (a file
 * opened or dropped) replaces the model's content as one undoable edit; apply errors become markers.
 */
export default function YamlEditor() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return;
    void setUpMonaco();
    const initial = usePlayground.getState();
    const model = monaco.editor.createModel(initial.editorText, 'yaml', monaco.Uri.parse(MODEL_URI));
    const editor = monaco.editor.create(host.current, {
      model,
      ariaLabel: translator(initial.language)('editor.textbox'),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      wordWrap: 'on', // long lines (comments, commands) stay readable in a narrow pane
      wrappingIndent: 'indent',
      renderLineHighlight: 'line',
      dropIntoEditor: { enabled: false }, // dropped files replace the text (handled by the pane)
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
      padding: { top: 8 },
    });
    showApplyMarkers(model, initial.problems);

    const typing = model.onDidChangeContent(() => usePlayground.getState().setEditorText(model.getValue()));
    const unsubscribe = usePlayground.subscribe((s, prev) => {
      if (s.editorText !== prev.editorText && s.editorText !== model.getValue()) {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.editorText }], () => null);
      }
      if (s.problems !== prev.problems) showApplyMarkers(model, s.problems);
      if (s.language !== prev.language) editor.updateOptions({ ariaLabel: translator(s.language)('editor.textbox') });
    });

    const stopReveal = onRevealRequest(({ line, column }) => {
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenterIfOutsideViewport(line);
      editor.focus();
    });

    exposeProbe({
      markers: () =>
        monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
          owner: m.owner,
          message: m.message,
          severity: m.severity,
          startLineNumber: m.startLineNumber,
          startColumn: m.startColumn,
        })),
      editorModelText: () => model.getValue(),
      editorCursor: () => {
        const pos = editor.getPosition();
        return pos && { lineNumber: pos.lineNumber, column: pos.column };
      },
    });

    return () => {
      stopReveal();
      unsubscribe();
      typing.dispose();
      editor.dispose();
      model.dispose();
    };
  }, []);

  // the text is YAML, data: no page translator may rewrite it (Monaco's own widgets live inside too)
  return <div ref={host} translate="no" className="h-full w-full" data-testid="yaml-editor" />;
}
