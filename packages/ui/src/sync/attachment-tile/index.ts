export {
  AttachmentTile,
  type AttachmentTileProps,
  type AttachmentUploadState,
  distinctFileNames,
  formatFileSize,
} from './attachment-tile';
