import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { optimismPublicnode } from './index';

conformance(optimismPublicnode, fixtures);
