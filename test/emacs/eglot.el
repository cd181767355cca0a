;;; eglot.el --- Emacs's eglot (Debian's elpa-eglot) against `second-source lsp --stdio'  -*- lexical-binding: t -*-
;; Run by scripts/editors/run-tests.mjs on a copy of examples/: each check is recorded, and the
;; runner fails the run when any check failed or the script never finished.
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar ss-cli (getenv "SECOND_SOURCE_CLI"))
(defvar ss-root (file-name-as-directory (getenv "SECOND_SOURCE_WORKSPACE")))
(defvar ss-results-path (getenv "SECOND_SOURCE_RESULTS"))
(defvar ss-results nil)
(defconst ss-timeout 90)

(defun ss-check (name ok &optional detail)
  (push `((name . ,name) (ok . ,(if ok t :json-false)) (detail . ,(if ok nil (format "%s" detail)))) ss-results)
  ok)

(defun ss-wait (predicate)
  "Runs the event loop until PREDICATE holds or the timeout passes; returns its value."
  (let ((deadline (+ (float-time) ss-timeout)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.2))
    value))

(defun ss-flagged ()
  "The flagged texts of the buffer's diagnostics, each with its diagnostic."
  (flymake-start)
  (mapcar (lambda (d) (cons (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) d))
          (flymake-diagnostics)))

(defun ss-run ()
  ;; The copy of examples/ is its own project, however the folder is laid out.
  (add-hook 'project-find-functions (lambda (_dir) (cons 'transient ss-root)))
  (find-file (expand-file-name "000_a561c6f5fed45a6b.txt" ss-root))
  (text-mode)
  (let ((server (eglot '(text-mode) (cons 'transient ss-root) 'eglot-lsp-server (list "node" ss-cli "lsp" "--stdio") "plaintext")))
    (ss-check "eglot connects to the server" (jsonrpc-running-p server) "not running")
    (let ((arrived (ss-wait (lambda () (let ((f (ss-flagged))) (and (assoc "China Unicorn" f) (assoc "news paper" f)))))))
      (ss-check "diagnostics on \"China Unicorn\" and \"news paper\" in 000" arrived (mapcar #'car (ss-flagged)))
      (when arrived
        (let* ((d (cdr (assoc "China Unicorn" (ss-flagged))))
               (beg (flymake-diagnostic-beg d))
               (line-start (save-excursion (goto-char beg) (line-beginning-position)))
               (actions (eglot-code-actions beg (flymake-diagnostic-end d)))
               (preferred (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
          (ss-check "a preferred code action \"Change to “China Unicom”\"" (equal (plist-get preferred :title) "Change to “China Unicom”") (mapcar (lambda (a) (plist-get a :title)) actions))
          (when preferred
            (eglot--apply-workspace-edit (plist-get preferred :edit))
            (let ((line (save-excursion (goto-char line-start) (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))
              (ss-check "the buffer reads \"China Unicom\" after the fix" (and (string-search "China Unicom" line) (not (string-search "China Unicorn" line))) line))))))
    (find-file (expand-file-name "002_1d4e819504267dee.txt" ss-root))
    (text-mode)
    (ss-wait (lambda () (eglot-current-server)))
    (goto-char (point-min))
    (ss-check "002 holds \"Xiaomi refused to comment\"" (search-forward "Xiaomi refused to comment" nil t) "not found")
    (goto-char (+ (match-beginning 0) 8))
    (let* ((hover (ss-wait (lambda ()
                             (let* ((h (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
                                    (v (and h (plist-get (plist-get h :contents) :value))))
                               (and v (string-search "003_358ddcd0763e7200" v) v))))))
      (ss-check "hover on the claim names 003 as a source" hover "no hover naming 003"))
    (let* ((refs (jsonrpc-request server :textDocument/references (append (eglot--TextDocumentPositionParams) '(:context (:includeDeclaration :json-false)))))
           (in003 (cl-some (lambda (l) (string-search "003_358ddcd0763e7200" (plist-get l :uri))) refs)))
      (ss-check "references on the claim include 003" in003 refs))
    (eglot-shutdown server)
    (ss-check "the server stops on shutdown/exit" (not (jsonrpc-running-p server)) "still running")))

(condition-case err
    (ss-run)
  (error (ss-check "the script ran to the end" nil (error-message-string err))))
(with-temp-file ss-results-path
  (insert (json-encode (vconcat (reverse ss-results)))))
(kill-emacs 0)
