import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { basePublicnode } from './index';

conformance(basePublicnode, fixtures);
