-- Neovim's own LSP client (the Debian package's, headless) against `second-source lsp --stdio`
-- on a copy of examples/. Each check is recorded; the runner (scripts/editors/run-tests.mjs) reads
-- the results file and fails the run when any check failed or the script never finished.
local cli = assert(os.getenv('SECOND_SOURCE_CLI'), 'SECOND_SOURCE_CLI unset')
local root = assert(os.getenv('SECOND_SOURCE_WORKSPACE'), 'SECOND_SOURCE_WORKSPACE unset')
local results_path = assert(os.getenv('SECOND_SOURCE_RESULTS'), 'SECOND_SOURCE_RESULTS unset')
local A000 = root .. '/000_a561c6f5fed45a6b.txt'
local A002 = root .. '/002_1d4e819504267dee.txt'
local TIMEOUT = 90000

local results = {}
local function check(name, ok, detail)
  table.insert(results, { name = name, ok = ok and true or false, detail = (not ok) and detail or nil })
  return ok
end

local function finish()
  local f = assert(io.open(results_path, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qa!')
end

-- Any Lua error still writes what was checked, plus the error as a failed check.
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(A000))
  local buf000 = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'second-source',
    cmd = { 'node', cli, 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'examples' } },
    settings = { secondSource = { debounce = 100 } },
  })
  check('the client starts the server', client_id ~= nil, 'start_client returned nil')
  vim.lsp.buf_attach_client(buf000, client_id)

  -- The flagged text, read back from the buffer at the diagnostic's range.
  local function flagged(buf)
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lines = vim.api.nvim_buf_get_text(buf, d.lnum, d.col, d.end_lnum, d.end_col, {})
      out[table.concat(lines, '\n')] = d
    end
    return out
  end
  local arrived = vim.wait(TIMEOUT, function()
    local f = flagged(buf000)
    return f['China Unicorn'] ~= nil and f['news paper'] ~= nil
  end, 100)
  check('diagnostics on "China Unicorn" and "news paper" in 000', arrived, vim.inspect(vim.tbl_keys(flagged(buf000))))
  if not arrived then return end

  -- The preferred code action on "China Unicorn", applied, then the buffer read back.
  local d = flagged(buf000)['China Unicorn']
  -- As a user would: the cursor on the flagged words, and the code actions there.
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col + 2 })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = {} }
  local answers = vim.lsp.buf_request_sync(buf000, 'textDocument/codeAction', params, 10000)
  local preferred
  for _, answer in pairs(answers or {}) do
    for _, action in ipairs(answer.result or {}) do
      if action.isPreferred and not preferred then preferred = action end
    end
  end
  check('a preferred code action "Change to “China Unicom”"', preferred and preferred.title == 'Change to “China Unicom”', vim.inspect(answers))
  if preferred then
    vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
    local line = vim.api.nvim_buf_get_lines(buf000, d.lnum, d.lnum + 1, false)[1]
    check('the buffer reads "China Unicom" after the fix', line:find('China Unicom', 1, true) ~= nil and line:find('China Unicorn', 1, true) == nil, line)
  end

  -- Hover and references on 002's "Xiaomi refused to comment".
  vim.cmd('edit ' .. vim.fn.fnameescape(A002))
  local buf002 = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf002, client_id)
  local row, col
  for i, text in ipairs(vim.api.nvim_buf_get_lines(buf002, 0, -1, false)) do
    local at = text:find('Xiaomi refused to comment', 1, true)
    if at then row, col = i - 1, at + 7 end
  end
  check('002 holds "Xiaomi refused to comment"', row ~= nil, 'not found')
  local position = { textDocument = { uri = vim.uri_from_bufnr(buf002) }, position = { line = row, character = col } }
  local hover_text = ''
  vim.wait(TIMEOUT, function()
    local answers = vim.lsp.buf_request_sync(buf002, 'textDocument/hover', position, 10000)
    for _, answer in pairs(answers or {}) do
      if answer.result and answer.result.contents then hover_text = answer.result.contents.value or '' end
    end
    return hover_text:find('003_358ddcd0763e7200', 1, true) ~= nil
  end, 200)
  check('hover on the claim names 003 as a source', hover_text:find('003_358ddcd0763e7200', 1, true) ~= nil, hover_text)
  check('hover reads as text: no VS Code icons or command links', hover_text ~= '' and hover_text:find('$(', 1, true) == nil and hover_text:find('command:', 1, true) == nil, hover_text)

  local refs = vim.lsp.buf_request_sync(buf002, 'textDocument/references', vim.tbl_extend('force', position, { context = { includeDeclaration = false } }), 10000)
  local in003 = false
  for _, answer in pairs(refs or {}) do
    for _, location in ipairs(answer.result or {}) do
      if location.uri:find('003_358ddcd0763e7200', 1, true) then in003 = true end
    end
  end
  check('references on the claim include 003', in003, vim.inspect(refs))

  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 100)
  check('the server stops on shutdown/exit', stopped, 'still running after 10 s')
end)
if not ok then check('the script ran to the end', false, tostring(err)) end
finish()
