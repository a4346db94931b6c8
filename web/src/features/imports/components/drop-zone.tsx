import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { pickedFromInput, type PickedFile } from '../collect-files';
import { readDroppedFiles } from '../read-dropped-files';

type Props = { onFiles: (picked: PickedFile[]) => void; disabled: boolean };

/** The folder input gets `webkitdirectory` as an attribute: React has no prop for it. */
function asFolderInput(input: HTMLInputElement | null): void {
  input?.setAttribute('webkitdirectory', '');
}

/**
 * Dragging is one way in; the two file inputs are the other, for keyboard and screen-reader
 * users. The inputs stay focusable (visually hidden) and their labels look like buttons, so the
 * native file picker opens with Enter or Space and the instructions are read with them.
 */
export function DropZone({ onFiles, disabled }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const folderId = useId();
  const filesId = useId();
  const [over, setOver] = useState(false);

  function pick(event: ChangeEvent<HTMLInputElement>) {
    const files = event.currentTarget.files;
    if (files && files.length > 0) onFiles(pickedFromInput(files));
    event.currentTarget.value = ''; // choosing the same folder again must fire change again
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    readDroppedFiles(event.dataTransfer).then(onFiles, () => onFiles([]));
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('imports.drop.title')}</h2>
      <div
        className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p id={hintId}>
          {t('imports.drop.instructions', {
            maxFiles: UPLOAD_LIMITS.maxFiles,
            maxMb: UPLOAD_LIMITS.maxFileBytes / 1024 / 1024,
          })}
        </p>
        <div className="field-actions">
          <input
            id={folderId}
            ref={asFolderInput}
            type="file"
            multiple
            className="visually-hidden file-input"
            aria-describedby={hintId}
            disabled={disabled}
            onChange={pick}
          />
          <label htmlFor={folderId} className="btn btn-primary file-label">
            {t('imports.drop.chooseFolder')}
          </label>
          <input
            id={filesId}
            type="file"
            multiple
            accept={UPLOAD_LIMITS.extensions.join(',')}
            className="visually-hidden file-input"
            aria-describedby={hintId}
            disabled={disabled}
            onChange={pick}
          />
          <label htmlFor={filesId} className="btn btn-outline file-label">
            {t('imports.drop.chooseFiles')}
          </label>
        </div>
      </div>
    </section>
  );
}
