import { before } from 'node:test';
import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { loadPython } from '../../python-helpers';
import { RuleTester } from '../ruleTester';

before(loadPython);

// Library clients that keep a Python process running until they are stopped (the rows of LONG_RUNNING with a
// `library`): RoboDanny's `await bot.start()` under `asyncio.run`, with no SIGTERM handler, was a miss of the
// audit (audit/README.md, "Recall: the misses left"). Each row's own true and false examples are checked in
// python-rules.test.ts; these cases pin the conditions around them.
const LAUNCHER = 'import asyncio\nimport discord\nfrom bot import Bot\n\nasync def run_bot():\n    async with Bot() as bot:\n        await bot.start()\n\nasyncio.run(run_bot())\n';
const HANDLED = LAUNCHER.replace('import discord\n', 'import discord\nimport signal\n').replace('        await bot.start()\n', '        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, lambda: asyncio.ensure_future(bot.close()))\n        await bot.start()\n');

// The fix: a handler that exits cleanly, after the imports (`asyncio.run` then closes the client on the way out).
const SHUTDOWN = (imports: string, body: string) =>
  `${imports}import signal\n\n\ndef _stop_on_sigterm(signum, frame):\n    raise SystemExit(0)\n\n\nsignal.signal(signal.SIGTERM, _stop_on_sigterm)\n\n\n${body}`;

new RuleTester({ filename: '/ws/launcher.py' }).run(rule, {
  valid: [
    { name: 'a SIGTERM handler added to the loop', code: HANDLED },
    { name: 'discord not imported: start() is anything', code: LAUNCHER.replace('import discord\n', '') },
    { name: "a tasks.loop's start() in a cog is not awaited", filename: '/ws/cogs/reminder.py', code: 'import discord\nfrom discord.ext import commands, tasks\n\nclass Reminder(commands.Cog):\n    def __init__(self, bot):\n        self.bot = bot\n        self.check.start()\n' },
    { name: 'an awaited start() in a module that runs no event loop (a cog\'s paginator)', filename: '/ws/cogs/tags.py', code: 'import discord\nfrom discord.ext import commands\n\nclass Tags(commands.Cog):\n    async def show(self, ctx, pages):\n        await pages.start(ctx)\n' },
    { name: "a Bot subclass's own start() calling super()", filename: '/ws/bot.py', code: 'import asyncio\nimport discord\n\nclass Bot(discord.Client):\n    async def start(self):\n        await super().start(TOKEN)\n\nasyncio.run(Bot().start())\n' },
    { name: "asyncio's run is not discord's", code: 'import asyncio\nimport discord\n\nasyncio.run(main())\n' },
    { name: "start() on an imported module other than discord's", code: 'import discord\nimport webserver\n\nasync def main():\n    await webserver.start()\n' },
    { name: 'test code', filename: '/ws/tests/test_bot.py', code: LAUNCHER },
  ],
  invalid: [
    { name: 'discord.py: await bot.start() under asyncio.run (RoboDanny)', code: LAUNCHER, errors: [['pyMissing', 7, 'bot.start()']], output: SHUTDOWN('import asyncio\nimport discord\nfrom bot import Bot\n', LAUNCHER.split('from bot import Bot\n\n')[1]) },
    { name: 'discord.py: client.run(token)', code: 'import discord\n\nclient = discord.Client(intents=discord.Intents.default())\nclient.run(TOKEN)\n', errors: [['pyMissing', 4, 'client.run(TOKEN)']], output: SHUTDOWN('import discord\n', 'client = discord.Client(intents=discord.Intents.default())\nclient.run(TOKEN)\n') },
  ],
});


// Held-out 5 (audit/README.md, "Stop 25"): a package server's console entry point ends in `bottle.run(…)`, with
// bottle imported inside the function (after the logging set-up) and no SIGTERM handler anywhere.
const BOTTLE_MAIN = (run: string) =>
  `import logging\n\n\ndef main(argv=None):\n    from mypkg import bottle_wrapper as bottle\n    app = make_app()\n    ${run}\n`;

new RuleTester({ filename: '/ws/mypkg/__main__.py' }).run(rule, {
  valid: [
    { name: "bottle.run handing the app to gunicorn, which stops its workers on SIGTERM", code: BOTTLE_MAIN("bottle.run(app=app, host='0.0.0.0', port=8080, server='gunicorn')") },
    { name: 'a run() of another module', code: 'import logging\nimport worker\n\ndef main():\n    worker.run(queue)\n' },
    { name: 'bottle.run under a SIGTERM handler', code: `import signal\nimport sys\n${BOTTLE_MAIN("bottle.run(app=app, host='0.0.0.0', port=8080)")}signal.signal(signal.SIGTERM, lambda s, f: sys.exit(0))\n` },
  ],
  invalid: [
    {
      name: 'bottle.run in a console entry point, bottle imported in the function',
      code: BOTTLE_MAIN('bottle.run(app=app, host=config.host, port=config.port, server=config.server_method)'),
      errors: [['pyMissing', 7, 'bottle.run(app=app, host=config.host, port=config.port, server=config.server_method)']],
      output: SHUTDOWN('import logging\n', BOTTLE_MAIN('bottle.run(app=app, host=config.host, port=config.port, server=config.server_method)').replace('import logging\n\n\n', '')),
    },
    {
      name: 'run imported by name from bottle',
      code: 'from bottle import Bottle, run\n\napp = Bottle()\nrun(app, host="0.0.0.0", port=8080)\n',
      errors: [['pyMissing', 4, 'run(app, host="0.0.0.0", port=8080)']],
      output: SHUTDOWN('from bottle import Bottle, run\n', 'app = Bottle()\nrun(app, host="0.0.0.0", port=8080)\n'),
    },
  ],
});

// Held-out 13 (audit/README.md, "Held-out 13, Python and Go"): a Flask reader app's entry point serves with
// waitress (`serve(app, host=…, port=…)`, also in its Docker image), which installs no signal handler.
const WAITRESS = (imports: string, call: string) => `${imports}from app_factory import create_app\n\n\ndef start(port):\n    app = create_app()\n    ${call}\n`;

new RuleTester({ filename: '/ws/lute/main.py' }).run(rule, {
  valid: [
    { name: 'waitress under a SIGTERM handler', code: `import signal\nimport sys\n${WAITRESS('from waitress import serve\n', "serve(app, host='0.0.0.0', port=port)")}signal.signal(signal.SIGTERM, lambda s, f: sys.exit(0))\n` },
    { name: "a serve() that is not waitress's", code: WAITRESS('from mypkg.server import serve\n', "serve(app, host='0.0.0.0', port=port)") },
    { name: 'waitress making a server it does not run here', code: WAITRESS('import waitress\n', 'server = waitress.create_server(app, port=port)') },
  ],
  invalid: [
    {
      name: 'from waitress import serve',
      code: WAITRESS('from waitress import serve\n', "serve(app, host='0.0.0.0', port=port)"),
      errors: [['pyMissing', 7, "serve(app, host='0.0.0.0', port=port)"]],
      output: SHUTDOWN('from waitress import serve\nfrom app_factory import create_app\n', WAITRESS('from waitress import serve\n', "serve(app, host='0.0.0.0', port=port)").replace('from waitress import serve\nfrom app_factory import create_app\n\n\n', '')),
    },
    {
      name: 'waitress.serve through the module',
      code: WAITRESS('import waitress\n', 'waitress.serve(app, listen=f"*:{port}")'),
      errors: [['pyMissing', 7, 'waitress.serve(app, listen=f"*:{port}")']],
      output: SHUTDOWN('import waitress\nfrom app_factory import create_app\n', WAITRESS('import waitress\n', 'waitress.serve(app, listen=f"*:{port}")').replace('import waitress\nfrom app_factory import create_app\n\n\n', '')),
    },
  ],
});
