import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import KeepCompounds from '../../components/KeepCompounds.vue'

const kept = (text: string) => mount(KeepCompounds, { props: { text }, attachTo: document.body })

describe('KeepCompounds', () => {
  it('keeps every dash-, hyphen- or slash-joined compound on one line', () => {
    const wrapper = kept('Lead a US–Japan–Korea partnership on comfort-women claims and Dokdo/Takeshima')
    expect(wrapper.findAll('span.wc-nowrap').map(s => s.text())).toEqual(['US–Japan–Korea', 'comfort-women', 'Dokdo/Takeshima'])
  })

  it('leaves the text exactly as written: no joiners that would break copying or search', () => {
    const text = 'Korea’s hydrogen-fluoride imports from Japan fell 86% in two years'
    const wrapper = kept(text)
    expect(document.body.textContent).toContain(text)
    expect(wrapper.findAll('span.wc-nowrap').map(s => s.text())).toEqual(['hydrogen-fluoride'])
    wrapper.unmount()
  })

  it('wraps nothing in plain text, and keeps punctuation outside the compound', () => {
    expect(kept('A turning point').findAll('span').length).toBe(0)
    expect(kept('Jan–Sep 2022; 4Q 2022').findAll('span.wc-nowrap').map(s => s.text())).toEqual(['Jan–Sep'])
  })
})
