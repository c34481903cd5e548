-- Drives the pydeploy language server from Neovim's own LSP client (Neovim 0.7.2 and later), headless:
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/interop/neovim-probe.lua'
-- Reads its plan from $PYDEPLOY_PROBE_PLAN (JSON), writes what it saw as JSON to $PYDEPLOY_PROBE_OUT, then quits.
-- Plan: { cmd = {...}, root = dir, timeout_ms = n, files = { { path = ..., hover = {line, character}, fix_all = bool } } }
-- Per file it records: the first publishDiagnostics, a hover, the code actions for each diagnostic's range, the
-- source.fixAll.pydeploy action, and, with fix_all, the buffer text after applying that action and the
-- diagnostics published for that text. (Note that vim.json encodes an empty list as {}.)
-- vim.lsp.start does not exist in 0.7.2: start_client + buf_attach_client work in every version.

local plan = vim.json.decode(os.getenv('PYDEPLOY_PROBE_PLAN'))
local out_path = os.getenv('PYDEPLOY_PROBE_OUT')
local timeout = plan.timeout_ms or 10000
local result = { nvim = vim.version(), files = {}, errors = {} }

-- uri -> { count = number of publishDiagnostics seen, last = params of the latest one }
local published = {}

local function write_result()
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

local function buffer_text(bufnr)
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  if vim.api.nvim_buf_get_option(bufnr, 'eol') then text = text .. '\n' end
  return text
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not responses then error(method .. ': ' .. tostring(err)) end
  for _, response in pairs(responses) do
    if response.error then error(method .. ': ' .. vim.inspect(response.error)) end
    return response.result
  end
  return nil
end

local function wait_for_publish(uri, after_count, what)
  local ok = vim.wait(timeout, function()
    local seen = published[uri]
    return seen ~= nil and seen.count > after_count
  end, 10)
  if not ok then error('timed out waiting for ' .. what .. ' of ' .. uri) end
  return published[uri].last
end

local function probe()
  local client_id = vim.lsp.start_client({
    name = 'pydeploy',
    cmd = plan.cmd,
    root_dir = plan.root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        local seen = published[params.uri] or { count = 0 }
        seen.count = seen.count + 1
        seen.last = params
        published[params.uri] = seen
      end,
    },
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then error('vim.lsp.start_client failed') end
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(timeout, function() return client.initialized end, 10) then error('the server did not initialize') end
  result.server_capabilities = client.server_capabilities or client.resolved_capabilities

  for _, file in ipairs(plan.files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file.path))
    local bufnr = vim.api.nvim_get_current_buf()
    local uri = vim.uri_from_bufnr(bufnr)
    local entry = { path = file.path, uri = uri }
    result.files[#result.files + 1] = entry

    vim.lsp.buf_attach_client(bufnr, client_id)
    local params = wait_for_publish(uri, 0, 'diagnostics')
    entry.diagnostics = params.diagnostics

    if file.hover then
      entry.hover = request(bufnr, 'textDocument/hover', {
        textDocument = { uri = uri },
        position = { line = file.hover[1], character = file.hover[2] },
      }) or vim.NIL
    end

    entry.code_actions = {}
    for _, diagnostic in ipairs(params.diagnostics) do
      local actions = request(bufnr, 'textDocument/codeAction', {
        textDocument = { uri = uri },
        range = diagnostic.range,
        context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
      }) or {}
      entry.code_actions[#entry.code_actions + 1] = { code = diagnostic.code, actions = actions }
    end

    local last_line = vim.api.nvim_buf_line_count(bufnr)
    local fix_all = request(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = uri },
      range = { start = { line = 0, character = 0 }, ['end'] = { line = last_line, character = 0 } },
      context = { diagnostics = params.diagnostics, only = { 'source.fixAll.pydeploy' } },
    }) or {}
    entry.fix_all = fix_all

    if file.fix_all and fix_all[1] and fix_all[1].edit then
      local before = published[uri].count
      vim.lsp.util.apply_workspace_edit(fix_all[1].edit, 'utf-16')
      entry.text_after_fix_all = buffer_text(bufnr)
      entry.diagnostics_after_fix_all = wait_for_publish(uri, before, 'diagnostics after the fix').diagnostics
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return result.server_exit ~= nil end, 10)
end

local ok, err = pcall(probe)
if not ok then result.errors[#result.errors + 1] = tostring(err) end
write_result()
vim.cmd(ok and 'qall!' or 'cquit! 1')
