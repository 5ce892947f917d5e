import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { huggingface } from './index';

conformance(huggingface, fixtures);
