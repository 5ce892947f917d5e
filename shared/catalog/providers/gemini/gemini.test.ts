import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { gemini } from './index';

conformance(gemini, fixtures);
