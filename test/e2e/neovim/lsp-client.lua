-- Drives the Journey language server from a headless Neovim (0.7+), the way the README's
-- "Other editors" setup does, and writes what it saw to a JSON file for the mocha test.
-- Arguments come from the environment: JOURNEY_SERVER, JOURNEY_ROOT, JOURNEY_FILE, JOURNEY_RESULT.
local server = os.getenv('JOURNEY_SERVER')
local root = os.getenv('JOURNEY_ROOT')
local file = os.getenv('JOURNEY_FILE')
local result_file = os.getenv('JOURNEY_RESULT')

local results = { diagnostics = {} }
local published = {}

local client_id = vim.lsp.start_client({
  name = 'journey',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'examples' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      published[params.uri] = params.diagnostics
      return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
})

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'journey'
vim.lsp.buf_attach_client(bufnr, client_id)
local uri = vim.uri_from_bufnr(bufnr)
local client = vim.lsp.get_client_by_id(client_id)

local function wait_for_diagnostics()
  published[uri] = nil
  return vim.wait(30000, function() return published[uri] ~= nil end, 50)
end

local function codes()
  local found = {}
  for _, diagnostic in ipairs(published[uri] or {}) do table.insert(found, diagnostic.code) end
  return found
end

local function request(method, params)
  local response = client.request_sync(method, params, 20000, bufnr)
  if response == nil then return { error = 'timeout' } end
  return { result = response.result, error = response.err and response.err.message or nil }
end

-- The example as it is: no problems.
results.opened = wait_for_diagnostics()
results.diagnostics.clean = codes()

-- Line 8 is `  persona Ana`: hover, definition and completion at `Ana`.
local at_ana = { textDocument = { uri = uri }, position = { line = 7, character = 10 } }
results.hover = request('textDocument/hover', at_ana)
results.definition = request('textDocument/definition', at_ana)
results.completion = request('textDocument/completion', at_ana)

-- Type an unknown persona: the server reports it.
vim.api.nvim_buf_set_lines(bufnr, 7, 8, false, { '  persona Bob' })
results.typed = wait_for_diagnostics()
results.diagnostics.broken = codes()

-- A messy line is tidied by formatting.
vim.api.nvim_buf_set_lines(bufnr, 7, 8, false, { '  persona      Ana' })
wait_for_diagnostics()
results.formatting = request('textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true } })

local out = io.open(result_file, 'w')
out:write(vim.fn.json_encode(results))
out:close()
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
