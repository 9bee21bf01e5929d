import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { OrderContentDraft } from '../../../contracts/order-content.ts';
import { isApiError } from '../../lib/api.ts';
import { localize } from '../../lib/format.ts';
import {
  type FieldValidation,
  type OrderView,
  orderQuery,
  type ProvinceDetails,
  type ProvinceRules,
  saveDraft,
  type Validation,
  type ValidatorKind,
  validateField,
} from './api.ts';
import { cleanContent, formatPath, getAt, parsePath, setAt, toFieldPath } from './content-paths.ts';
import { type SchemaIssue, toSchemaIssues, useContractSchemas } from './schemas.ts';

/**
 * The wizard's state: the content being edited, every source of field findings (the shared schema,
 * the validators on blur, the last save's domain check, the last submission's 400, the reviewers'
 * return reasons), and saving. Steps read and write fields by path through `useWizard()`.
 */

export interface FieldMessage {
  path: string;
  message: string;
}

export interface FieldState {
  error?: string;
  warning?: string;
  /** The reviewer's reason when the order came back with this field named. */
  reason?: string;
  /** The shared schema's finding (the field translates it). */
  schemaIssue?: SchemaIssue;
}

export interface Wizard {
  order: OrderView;
  content: OrderContentDraft;
  rules: ProvinceRules | undefined;
  /** The filing province's name in the UI language. */
  provinceName: string;
  setField: (path: string, value: unknown) => void;
  updateContent: (update: (content: OrderContentDraft) => OrderContentDraft) => void;
  fieldState: (path: string) => FieldState;
  validateOnBlur: (path: string, kind: ValidatorKind, body: Record<string, string>) => void;
  isLocked: (path: string) => boolean;
  save: () => Promise<boolean>;
  saving: boolean;
  dirty: boolean;
  savedAt: Date | undefined;
  saveError: unknown;
  validation: Validation | undefined;
  submitErrors: FieldMessage[];
  setSubmitErrors: (errors: FieldMessage[]) => void;
  draftIssues: SchemaIssue[];
  /** Opens the step of a field and focuses it (set by the wizard component). */
  goTo: (path: string) => void;
}

const WizardContext = createContext<Wizard | null>(null);

export function useWizard(): Wizard {
  const wizard = useContext(WizardContext);
  if (!wizard) throw new Error('useWizard outside the order wizard');
  return wizard;
}

/** Fields an individual's entity shares with its leader: filled once, mirrored while they agree. */
const INDIVIDUAL_MIRRORS: Readonly<Record<string, string[]>> = {
  'entity.name': ['entity.leader.name', 'entity.investorOrAuthority'],
  'entity.certificateType': ['entity.leader.certificateType'],
  'entity.certificateNumber': ['entity.leader.certificateNumber'],
};

const REASON_STATUSES = new Set(['returned_by_provider', 'rejected_by_authority']);

/** The values the type was detected from; the API refuses changes to them (field_locked). */
function lockedPathsOf(order: OrderView): Set<string> {
  const paths = new Set(['entity.certificateNumber', 'entity.provinceCode']);
  if (order.type === 'add_access' || order.type === 'cancel_service' || order.type === 'cancel_access') {
    paths.add('services[0].domain');
  }
  return paths;
}

/** A service without a type is a website (the skeleton of a new order carries only its domain). */
function withDefaults(content: OrderContentDraft): OrderContentDraft {
  if (!content.services?.some((service) => service.type === undefined)) return content;
  return { ...content, services: content.services.map((service) => ({ type: 'website', ...service })) };
}

/** An individual is their own leader: the leader's empty name and certificate come from the entity. */
function fillIndividualLeader(content: OrderContentDraft): OrderContentDraft {
  if (content.entity?.nature !== 'individual') return content;
  let next = content;
  for (const [from, mirrors] of Object.entries(INDIVIDUAL_MIRRORS)) {
    const value = getAt(content, parsePath(from));
    if (typeof value !== 'string' || value === '') continue;
    for (const mirror of mirrors) {
      const segments = parsePath(mirror);
      const existing = getAt(next, segments);
      if (existing === undefined || existing === '') next = setAt(next, segments, value);
    }
  }
  return next;
}

function withoutPath(messages: FieldMessage[], path: string): FieldMessage[] {
  return messages.some((m) => m.path === path) ? messages.filter((m) => m.path !== path) : messages;
}

export function WizardProvider({
  order: initialOrder,
  initialValidation,
  province,
  goTo,
  children,
}: {
  order: OrderView;
  initialValidation?: Validation;
  province: ProvinceDetails | undefined;
  goTo: (path: string) => void;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const schemas = useContractSchemas();
  const [order, setOrder] = useState(initialOrder);
  const [content, setContent] = useState<OrderContentDraft>(() =>
    fillIndividualLeader(withDefaults(initialOrder.content ?? {})),
  );
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date>();
  const [saveError, setSaveError] = useState<unknown>();
  const [validation, setValidation] = useState<Validation | undefined>(initialValidation);
  const [serverErrors, setServerErrors] = useState<FieldMessage[]>([]);
  const [submitErrors, setSubmitErrors] = useState<FieldMessage[]>([]);
  const [blur, setBlur] = useState<Record<string, FieldValidation>>({});
  const contentRef = useRef(content);
  contentRef.current = content;
  const saveChain = useRef<Promise<boolean>>(Promise.resolve(true));
  const blurRequests = useRef(new Map<string, AbortController>());
  const locked = useMemo(() => lockedPathsOf(order), [order]);

  const forgetFindings = useCallback((path: string) => {
    setServerErrors((errors) => withoutPath(errors, path));
    setSubmitErrors((errors) => withoutPath(errors, path));
    setBlur((found) => {
      if (!(path in found)) return found;
      const next = { ...found };
      delete next[path];
      return next;
    });
  }, []);

  const updateContent = useCallback((update: (content: OrderContentDraft) => OrderContentDraft) => {
    setContent((current) => update(current));
    setDirty(true);
  }, []);

  const setField = useCallback(
    (path: string, value: unknown) => {
      const segments = parsePath(path);
      forgetFindings(path);
      setContent((current) => {
        let next = setAt(current, segments, value);
        const mirrors = INDIVIDUAL_MIRRORS[path];
        if (mirrors && getAt(current, ['entity', 'nature']) === 'individual') {
          const previous = getAt(current, segments);
          for (const mirror of mirrors) {
            const mirrorSegments = parsePath(mirror);
            const existing = getAt(current, mirrorSegments);
            if (existing === undefined || existing === '' || existing === previous) {
              next = setAt(next, mirrorSegments, value);
            }
          }
        }
        return fillIndividualLeader(next);
      });
      setDirty(true);
    },
    [forgetFindings],
  );

  const draftIssues = useMemo(() => {
    if (!schemas) return [];
    const parsed = schemas.orderContentDraftSchema.safeParse(cleanContent(content));
    return parsed.success ? [] : toSchemaIssues(parsed.error.issues);
  }, [schemas, content]);

  const save = useCallback((): Promise<boolean> => {
    const run = async (): Promise<boolean> => {
      const snapshot = contentRef.current;
      const body = cleanContent(snapshot);
      if (schemas && !schemas.orderContentDraftSchema.safeParse(body).success) return false;
      setSaving(true);
      setSaveError(undefined);
      try {
        const saved = await saveDraft(order.reference, body);
        setOrder(saved.order);
        setValidation(saved.validation);
        setServerErrors(
          saved.validation.fieldErrors.map((found) => ({
            path: found.path,
            message: localize(found.message),
          })),
        );
        setSavedAt(new Date());
        if (contentRef.current === snapshot) setDirty(false);
        queryClient.setQueryData(orderQuery(order.reference).queryKey, saved.order);
        return true;
      } catch (error) {
        setSaveError(error);
        if (isApiError(error)) {
          setServerErrors(
            error.fieldErrors
              .filter((found) => found.path.startsWith('content'))
              .map((found) => ({ path: toFieldPath(found.path), message: found.message })),
          );
        }
        return false;
      } finally {
        setSaving(false);
      }
    };
    saveChain.current = saveChain.current.then(run, run);
    return saveChain.current;
  }, [order.reference, schemas, queryClient]);

  const validateOnBlur = useCallback((path: string, kind: ValidatorKind, body: Record<string, string>) => {
    if (!body.value?.trim()) return;
    blurRequests.current.get(path)?.abort();
    const controller = new AbortController();
    blurRequests.current.set(path, controller);
    validateField(kind, body, controller.signal).then(
      (answer) => {
        if (answer) setBlur((found) => ({ ...found, [path]: answer }));
      },
      () => undefined,
    );
  }, []);

  const reasons = useMemo(() => {
    const byPath = new Map<string, string>();
    if (!REASON_STATUSES.has(order.status)) return byPath;
    for (const reason of order.returnReasons) {
      if (!reason.fieldPath) continue;
      const text = localize({
        en: reason.text.en ?? reason.text.zh ?? '',
        zh: reason.text.zh ?? reason.text.en ?? '',
      });
      byPath.set(
        reason.fieldPath,
        byPath.has(reason.fieldPath) ? `${byPath.get(reason.fieldPath)} ${text}` : text,
      );
    }
    return byPath;
  }, [order]);

  const fieldState = useCallback(
    (path: string): FieldState => {
      const state: FieldState = {};
      const blurred = blur[path];
      const schemaIssue = draftIssues.find((issue) => formatPath(issue.path) === path);
      state.error =
        blurred?.errors.map((e) => localize(e.message)).join(' ') ||
        submitErrors.find((m) => m.path === path)?.message ||
        serverErrors.find((m) => m.path === path)?.message;
      if (schemaIssue) state.schemaIssue = schemaIssue;
      const warning = blurred?.warnings.map((w) => localize(w.message)).join(' ');
      if (warning) state.warning = warning;
      if (!state.error) delete state.error;
      const reason = reasons.get(path);
      if (reason) state.reason = reason;
      return state;
    },
    [blur, draftIssues, submitErrors, serverErrors, reasons],
  );

  const wizard: Wizard = {
    order,
    content,
    rules: province?.rules,
    provinceName: province
      ? localize({ en: province.province.nameEn, zh: province.province.nameZh })
      : order.provinceCode,
    setField,
    updateContent,
    fieldState,
    validateOnBlur,
    isLocked: (path) => locked.has(path),
    save,
    saving,
    dirty,
    savedAt,
    saveError,
    validation,
    submitErrors,
    setSubmitErrors,
    draftIssues,
    goTo,
  };
  return <WizardContext.Provider value={wizard}>{children}</WizardContext.Provider>;
}
