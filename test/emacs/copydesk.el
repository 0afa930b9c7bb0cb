;;; copydesk.el --- drives eglot against copydesk-language-server -*- lexical-binding: t -*-
;; Run by test/protocol/emacs.test.ts with `emacs --batch -l copydesk.el'.
;; Loads $COPYDESK_INIT (the README's eglot snippet), visits $COPYDESK_DRAFT,
;; waits for eglot to connect and flymake to show Copydesk's diagnostics, hovers
;; the word at $COPYDESK_HOVER_LINE/$COPYDESK_HOVER_CHARACTER, applies the
;; unclosed quotation's preferred code action through `eglot-code-actions', and
;; writes what happened to $COPYDESK_RESULT as JSON.
(require 'json)
(require 'cl-lib)

(defvar copydesk-result
  (list (cons 'languageId nil) (cons 'diagnostics []) (cons 'hover nil)
        (cons 'prompt nil) (cons 'text nil) (cons 'errors [])))

(defun copydesk-record (key value) (setf (alist-get key copydesk-result) value))

(defun copydesk-wait (what predicate)
  "Wait for PREDICATE while Emacs reads the server's output; fail naming WHAT.
The 90 s bound is only a safety net so a broken setup fails instead of hanging."
  (let ((deadline (+ (float-time) 90)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.1)))
  (or (funcall predicate) (error "No %s within 90 s" what)))

(defun copydesk-lsp-diagnostic (diag)
  (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag))))

(defun copydesk-run ()
  ;; Interactive Emacs 28 activates installed packages (Debian's elpa-eglot among
  ;; them) before reading the init file; --batch does not, so do it here.
  (package-activate-all)
  (load (getenv "COPYDESK_INIT") nil t)
  (find-file (getenv "COPYDESK_DRAFT"))
  ;; eglot-ensure connects after the command that visited the file; there is no
  ;; command loop in --batch, so run what it would run when that command ends.
  (run-hooks 'post-command-hook)
  (copydesk-wait "eglot connection" (lambda () (bound-and-true-p eglot--managed-mode)))
  (copydesk-record 'languageId (eglot--language-id (eglot-current-server)))
  (copydesk-wait "flymake diagnostics" (lambda () (flymake-diagnostics)))
  (copydesk-record
   'diagnostics
   (vconcat
    (mapcar (lambda (diag)
              (let ((beg (flymake-diagnostic-beg diag)))
                `((line . ,(1- (line-number-at-pos beg)))
                  (col . ,(save-excursion (goto-char beg) (current-column)))
                  (type . ,(symbol-name (flymake-diagnostic-type diag)))
                  (text . ,(flymake-diagnostic-text diag))
                  (code . ,(plist-get (copydesk-lsp-diagnostic diag) :code)))))
            (flymake-diagnostics))))

  (goto-char (point-min))
  (forward-line (string-to-number (getenv "COPYDESK_HOVER_LINE")))
  (forward-char (string-to-number (getenv "COPYDESK_HOVER_CHARACTER")))
  ;; What eglot's eldoc hover would show at point.
  (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                (eglot--TextDocumentPositionParams))))
    (when hover
      (copydesk-record 'hover (substring-no-properties
                               (eglot--hover-info (plist-get hover :contents))))))

  (let ((quote (cl-find "unbalanced-quote" (flymake-diagnostics)
                        :key (lambda (d) (plist-get (copydesk-lsp-diagnostic d) :code))
                        :test #'equal)))
    (unless quote (error "No unbalanced-quote diagnostic"))
    ;; As a user would: M-x eglot-code-actions over the diagnostic, then RET at
    ;; the prompt, which takes the default (the server's preferred action).
    (cl-letf (((symbol-function 'completing-read)
               (lambda (prompt _collection &optional _predicate _require-match
                               _initial _hist default &rest _)
                 (copydesk-record 'prompt prompt)
                 default))
              (last-nonmenu-event 13))
      (eglot-code-actions (flymake-diagnostic-beg quote) (flymake-diagnostic-end quote)
                          nil t)))
  (copydesk-record 'text (buffer-substring-no-properties (point-min) (point-max))))

(condition-case failure
    (copydesk-run)
  (error (copydesk-record 'errors (vector (error-message-string failure)))))
(let ((coding-system-for-write 'utf-8))
  (write-region (json-encode copydesk-result) nil (getenv "COPYDESK_RESULT")))
(kill-emacs 0)
