// First, before any schema is built (see the module's comment).
import '../worker/zod-jitless';
