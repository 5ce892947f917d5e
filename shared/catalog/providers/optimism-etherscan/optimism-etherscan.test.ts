import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { optimismEtherscan } from './index';

conformance(optimismEtherscan, fixtures);
