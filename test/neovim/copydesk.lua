-- Drives Neovim's built-in LSP client against copydesk-language-server --stdio,
-- configured by the README's snippet (loaded first): opens the draft, waits for
-- Copydesk's diagnostics, hovers a name, applies the preferred code action, and
-- writes what happened to $COPYDESK_RESULT as JSON.
-- Run by test/protocol/neovim.test.ts with `nvim --headless --clean`.
local result = { diagnostics = {}, hover = nil, action = nil, lines = nil, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.COPYDESK_RESULT)
  vim.cmd('qall!')
end

local ok, failure = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.COPYDESK_DRAFT))
  local bufnr = vim.api.nvim_get_current_buf()
  -- The README's configuration, loaded before this script, starts the server on the FileType event.
  local client
  vim.wait(30000, function()
    client = vim.lsp.buf_get_clients(bufnr)[next(vim.lsp.buf_get_clients(bufnr))]
    return client ~= nil
  end, 100)
  if not client then table.insert(result.errors, 'the README configuration attached no language server within 30 s') return end

  local found = vim.wait(90000, function() return #vim.diagnostic.get(bufnr) > 0 end, 100)
  if not found then table.insert(result.errors, 'no diagnostics within 90 s') return end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, message = d.message, source = d.source, code = d.code or lsp.code })
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local line, character = tonumber(vim.env.COPYDESK_HOVER_LINE), tonumber(vim.env.COPYDESK_HOVER_CHARACTER)
  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = character } }, 30000, bufnr)
  if hover and hover.result then
    local contents = hover.result.contents
    result.hover = type(contents) == 'table' and (contents.value or vim.fn.json_encode(contents)) or contents
  end

  -- The unclosed quotation's diagnostic, as the server sent it (fixes in `data`).
  local quote_line = tonumber(vim.env.COPYDESK_QUOTE_LINE)
  local target
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, quote_line)) do
    if d.code == 'unbalanced-quote' then target = d end
  end
  if not target then table.insert(result.errors, 'no unbalanced-quote diagnostic on line ' .. quote_line) return end
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target } },
  }, 30000, bufnr)
  local chosen
  for _, action in ipairs((actions and actions.result) or {}) do
    if action.isPreferred then chosen = action end
  end
  if not chosen then table.insert(result.errors, 'no preferred code action') return end
  result.action = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  client.stop()
end)
if not ok then table.insert(result.errors, tostring(failure)) end
finish()
