export {
  readFtm, readFtmLines, textLines, ownershipEdges,
  type FtmEdge, type FtmRejection, type FtmReadResult, type FtmReadOptions, type EdgeSchema,
} from './reader.js';
