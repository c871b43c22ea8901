"use client";

/**
 * Monaco, loaded from the installed package (no CDN) with explicit workers, and a TypeScript
 * service that knows ioredis's types. Client-only: the workspace loads it with next/dynamic.
 */
import Editor, { loader, type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import type { TypeLibrary } from "@/app/_lib/workspace-types";
import type { SourceLocation } from "@/app/_lib/workspace-compile-errors";

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("./ts.worker.ts", import.meta.url), { type: "module" });
    }
    return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module" });
  },
};
loader.config({ monaco });

let typesLoaded: Promise<void> | undefined;
/** ioredis's declarations go into the TypeScript service once per page. */
function loadTypes(): Promise<void> {
  typesLoaded ??= (async () => {
    const ts = monaco.typescript;
    ts.typescriptDefaults.setCompilerOptions({
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      strict: true,
      noEmit: true,
      allowNonTsExtensions: true,
      esModuleInterop: true,
      lib: ["es2022", "dom"],
    });
    const response = await fetch("/api/labs/types");
    if (!response.ok) return;
    const library = (await response.json()) as TypeLibrary;
    for (const [file, content] of Object.entries(library.files)) ts.typescriptDefaults.addExtraLib(content, `file:///node_modules/${file}`);
  })();
  return typesLoaded;
}

function currentTheme(): "vs" | "vs-dark" {
  const forced = document.documentElement.dataset.theme;
  if (forced) return forced === "dark" ? "vs-dark" : "vs";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "vs-dark" : "vs";
}

export interface CodeEditorProps {
  value: string;
  /** One model per lab, so undo history and types stay per lab. */
  path: string;
  onChange(value: string): void;
  onRun(): void;
  onSubmit(): void;
  /** Compile errors from the grader, shown as markers. */
  errors: SourceLocation[];
  /** Called once the editor accepts input. */
  onReady?(): void;
}

export default function CodeEditor({ value, path, onChange, onRun, onSubmit, errors, onReady }: CodeEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const actions = useRef({ onRun, onSubmit });
  actions.current = { onRun, onSubmit };
  const [theme, setTheme] = useState<"vs" | "vs-dark">("vs");

  useEffect(() => {
    setTheme(currentTheme());
    const update = () => setTheme(currentTheme());
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", update);
    return () => {
      observer.disconnect();
      media.removeEventListener("change", update);
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      "grader",
      errors.map((error) => ({
        severity: monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: error.line,
        startColumn: error.column,
        endLineNumber: error.line,
        endColumn: model.getLineMaxColumn(Math.min(error.line, model.getLineCount())),
      })),
    );
  }, [errors]);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actions.current.onRun());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => actions.current.onSubmit());
    void loadTypes();
    onReady?.();
  };

  return (
    <Editor
      height="100%"
      language="typescript"
      path={path}
      value={value}
      theme={theme}
      onChange={(next) => onChange(next ?? "")}
      onMount={handleMount}
      loading={<p className="workspace__loading">Loading the editor…</p>}
      options={{
        fontSize: 14,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        ariaLabel: "Solution code editor. Ctrl+Enter runs the examples, Ctrl+Shift+Enter submits.",
        fixedOverflowWidgets: true,
        // Faded unused parameters (the starter's) fail contrast checks; the TS service still reports real errors.
        showUnused: false,
      }}
    />
  );
}
