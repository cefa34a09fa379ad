import { rule } from '../../../../core/src/rules/disposability/missing-sigterm-handler';
import { RuleTester } from '../ruleTester';

// Held-out 11 (medusa's Redis event bus and workflow engine modules): a worker kept on an instance whose class stops
// it in a shutdown hook the host process calls (Nest's lifecycle methods, a Medusa module's, or its `__hooks` table).
const MODULE = (hooks: string) => `import { Worker } from 'bullmq';\n\nexport class EventBus {\n  constructor(connection) {\n    this.worker = new Worker('events', (job) => this.handle(job), { connection });\n  }\n\n${hooks}\n}\n`;

new RuleTester({ filename: '/ws/packages/modules/event-bus/src/service.ts' }).run(rule, {
  valid: [
    { name: 'a shutdown hook method closes the worker', code: MODULE('  async onApplicationShutdown() {\n    await this.worker.close();\n  }') },
    { name: "Nest's onModuleDestroy closes it", code: MODULE('  async onModuleDestroy() {\n    await this.worker?.close();\n  }') },
    { name: 'a table of hooks closes it', code: MODULE('  __hooks = {\n    onApplicationPrepareShutdown: async () => {\n      await this.worker?.close();\n    },\n  };') },
  ],
  invalid: [
    {
      name: 'a shutdown hook that closes something else',
      code: MODULE('  async onApplicationShutdown() {\n    await this.queue.close();\n  }'),
      errors: [{ messageId: 'missing', line: 5 }],
      output: null,
    },
    {
      name: 'a method of another name that closes the worker',
      code: MODULE('  async close() {\n    await this.worker.close();\n  }'),
      errors: [{ messageId: 'missing', line: 5 }],
      output: null,
    },
  ],
});
