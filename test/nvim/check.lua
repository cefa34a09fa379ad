-- Headless Neovim (0.7+) as a second, independent LSP client: start the bundled server over stdio, attach it
-- to one file, wait (bounded) for diagnostics, write what Neovim holds as JSON, quit. Driven by check.mjs:
--   TWELVE_FACTOR_SERVER   path of dist/server.js        TWELVE_FACTOR_FILE   the file to open
--   TWELVE_FACTOR_ROOT     the workspace folder           TWELVE_FACTOR_OUT    where to write the JSON
--   TWELVE_FACTOR_WAIT_MS  how long to wait for diagnostics
local server = assert(os.getenv('TWELVE_FACTOR_SERVER'), 'TWELVE_FACTOR_SERVER')
local file = assert(os.getenv('TWELVE_FACTOR_FILE'), 'TWELVE_FACTOR_FILE')
local root = assert(os.getenv('TWELVE_FACTOR_ROOT'), 'TWELVE_FACTOR_ROOT')
local out = assert(os.getenv('TWELVE_FACTOR_OUT'), 'TWELVE_FACTOR_OUT')
local wait_ms = tonumber(os.getenv('TWELVE_FACTOR_WAIT_MS') or '15000')

local result = { nvim = vim.version(), published = 0, errors = {} }
local function write_result()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'twelve-factor',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'root' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        result.published = result.published + 1
        return publish(e, params, ctx, config)
      end,
    },
    on_exit = function(code, signal) result.exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')
  result.initialized = vim.wait(wait_ms, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 50)
  local client = vim.lsp.get_client_by_id(client_id)
  if client then
    result.pull_diagnostics = client.server_capabilities and client.server_capabilities.diagnosticProvider ~= nil
  end
  result.got_diagnostics = vim.wait(wait_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  result.diagnostics = vim.diagnostic.get(bufnr)
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)
if not ok then table.insert(result.errors, tostring(err)) end
write_result()
vim.cmd('qall!')
